import Foundation
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
/// earlier ones. The detector is `Codable`, so a feed can checkpoint it and resume exactly where it stopped.
public struct AnomalyDetector: Sendable, Codable {
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
        var expectations: [Double?] = []
        for index in profiles.indices { expectations.append(profiles[index].expected(at: timestamp)) }
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
        let span = Timestamp.span(from: firstTimestamp ?? timestamp, to: timestamp)
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

    /// The larger of 1.4826 × MAD and the tail spread (q(1−f) − q(f)) / (2 × z(1−f)) for the tail
    /// fraction f (both a standard deviation for normal data); 1.2533 × mean absolute deviation when both are 0; never below the
    /// relative floor (or 1e-12). The tail spread lets excursions that recur often (more than the tail
    /// fraction of the window) become normal, while rare ones stay anomalous.
    private func spread(of values: RollingRobustWindow, around center: Double, level: Double) -> Double {
        var scale = 1.4826 * values.medianAbsoluteDeviation(around: center)
        let tail = configuration.tailFraction
        if tail > 0, let low = values.quantile(tail), let high = values.quantile(1 - tail) {
            scale = max(scale, (high - low) / (2 * Self.normalQuantile(1 - tail)))
        }
        if scale == 0 { scale = 1.2533 * values.meanAbsoluteDeviation(around: center) }
        return max(scale, configuration.relativeScaleFloor * level, 1e-12)
    }

    /// The standard normal quantile (Acklam's rational approximation, |error| < 1.2e-9), for p in (0.5, 1).
    static func normalQuantile(_ p: Double) -> Double {
        let q = sqrt(-2 * log(1 - p))
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
                 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let numerator = ((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]
        let denominator = (((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1
        if p > 0.97575 { return -numerator / denominator }
        let r = (p - 0.5) * (p - 0.5)
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
                 -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
                 -1.328068155288572e+01]
        let x = p - 0.5
        return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * x
            / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    }
}
