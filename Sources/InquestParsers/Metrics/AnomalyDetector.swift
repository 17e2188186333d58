import InquestCore

/// A causal, streaming anomaly detector for one metric series.
///
/// Each call scores a value against what came before it, then learns it:
/// - **Robust rolling baseline.** The median and MAD of the last ``Configuration/window`` values
///   (instead of mean and standard deviation, which one outlier drags along). When more than half
///   the window holds one value (MAD = 0), the mean absolute deviation stands in; the spread never
///   drops below ``Configuration/relativeScaleFloor`` × |median|.
/// - **Warm-up.** Scores are 0 until ``Configuration/warmUp`` values have been seen.
/// - **Seasonality.** For each candidate period (a day, a week) a profile keeps the values seen at
///   the same time of period; once the data spans ``Configuration/seasonalMinimumPeriods`` periods
///   and the profile's residual spread is clearly smaller than the rolling spread, the value is
///   compared with its time-of-period expectation instead. The choice is re-made at every value
///   from past data only.
/// - **Gaps.** `NaN` and infinite values score 0 and are not learnt.
///
/// The score is z² / (z² + h²) for the robust z-score z and h = ``Configuration/halfScoreDeviation``:
/// 0 on the baseline, 0.5 at z = h, approaching 1 for large deviations. Because a value is scored
/// before it is learnt and nothing is revised later, the score of a row depends only on that row and
/// earlier ones.
public struct AnomalyDetector: Sendable {
    /// The settings this detector runs with.
    public let configuration: Configuration
    private var window: RollingRobustWindow
    private var profiles: [SeasonalProfile]
    private var firstTimestamp: Timestamp?
    private var learnt = 0

    /// Creates a detector with no history.
    public init(configuration: Configuration = .standard) {
        self.configuration = configuration
        window = RollingRobustWindow(capacity: configuration.window)
        profiles = zip(configuration.seasonalPeriods, configuration.seasonalBuckets).map { period, buckets in
            SeasonalProfile(
                periodSeconds: period, bucketCount: buckets, periodsRemembered: 4, minimumBucketEntries: 2,
                residualWindow: configuration.window)
        }
    }

    /// The anomaly score in [0, 1] of `value` at `timestamp`, then learns the value.
    public mutating func score(timestamp: Timestamp, value: Double) -> Double {
        assess(timestamp: timestamp, value: value).score
    }

    /// The full assessment (score, baseline, z-score, seasonality used) of `value`, then learns it.
    public mutating func assess(timestamp: Timestamp, value: Double) -> AnomalyAssessment {
        guard value.isFinite else {
            return AnomalyAssessment(score: 0, baseline: window.median ?? .nan, deviation: 0)
        }
        if firstTimestamp == nil { firstTimestamp = timestamp }
        let expectations = profiles.map { $0.expected(at: timestamp) }
        let assessment = judge(value, at: timestamp, expectations: expectations)
        window.append(value)
        for index in profiles.indices {
            profiles[index].record(value, at: timestamp, expected: expectations[index])
        }
        learnt += 1
        return assessment
    }

    private func judge(_ value: Double, at timestamp: Timestamp, expectations: [Double?]) -> AnomalyAssessment {
        guard learnt >= configuration.warmUp, let median = window.median else {
            return AnomalyAssessment(score: 0, baseline: window.median ?? value, deviation: 0)
        }
        let level = abs(median)
        let globalScale = spread(of: window, around: median, level: level)
        var best = (scale: globalScale, baseline: median, period: Int64?.none)
        let span = timestamp.nanoseconds - (firstTimestamp ?? timestamp).nanoseconds
        for (index, profile) in profiles.enumerated() {
            guard let expected = expectations[index], span >= profile.period * Int64(configuration.seasonalMinimumPeriods),
                profile.residuals.count >= configuration.warmUp, let residualMedian = profile.residuals.median
            else { continue }
            let scale = spread(of: profile.residuals, around: residualMedian, level: level)
            if scale < configuration.seasonalImprovement * globalScale && scale < best.scale {
                best = (scale, expected + residualMedian, profile.period / 1_000_000_000)
            }
        }
        let deviation = abs(value - best.baseline) / best.scale
        let half = configuration.halfScoreDeviation
        let score = deviation.isFinite ? deviation * deviation / (deviation * deviation + half * half) : 1
        return AnomalyAssessment(score: score, baseline: best.baseline, deviation: deviation, seasonalPeriodSeconds: best.period)
    }

    /// 1.4826 × MAD (a standard deviation for normal data), or 1.2533 × mean absolute deviation when
    /// the MAD is 0, never below the relative floor (or 1e-12).
    private func spread(of values: RollingRobustWindow, around center: Double, level: Double) -> Double {
        var scale = 1.4826 * values.medianAbsoluteDeviation(around: center)
        if scale == 0 { scale = 1.2533 * values.meanAbsoluteDeviation(around: center) }
        return max(scale, configuration.relativeScaleFloor * level, 1e-12)
    }
}
