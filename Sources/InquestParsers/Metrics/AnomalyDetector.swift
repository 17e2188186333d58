import Foundation
import InquestCore

/// A causal, streaming anomaly detector for one metric series.
///
/// Each call scores a value against what came before it, then learns it:
/// - **Robust baseline that widens as data arrives.** The median and a robust spread of the values
///   seen so far, up to the last ``Configuration/window`` (see
///   ``RollingRobustWindow/robustSpread(around:level:tailFraction:tailMinimumValues:relativeFloor:)``).
///   Scoring starts after ``Configuration/warmUp`` values, so a series that jumps by orders of
///   magnitude against its own short history is anomalous at once; while the history is short its
///   tails are judged warily, so ordinary early noise is not.
/// - **Seasonality.** For each candidate period (a day, a week) a profile keeps the values seen at
///   the same time of period; once the data spans ``Configuration/seasonalMinimumPeriods`` periods
///   and the profile's residual spread is clearly smaller than the rolling spread, the value is
///   compared with its time-of-period expectation instead. The choice is re-made at every value
///   from past data only.
/// - **Score.** z² / (z² + h²) for the robust z-score z and h = ``Configuration/halfScoreDeviation``:
///   0 on the baseline, 0.5 at z = h, approaching 1 for large deviations.
/// - **Report an excursion once.** A score that does not exceed the recent peak (which decays by
///   ``Configuration/repeatDecay`` per value) is multiplied by ``Configuration/repeatFactor``: an
///   alert is the start of an excursion, not each of its values. ``AnomalyAssessment/level`` keeps
///   the undamped score, which episodes (``AnomalyEventizer``) follow.
/// - **Gaps.** `NaN` and infinite values score 0 and are not learnt.
///
/// Because a value is scored before it is learnt and nothing is revised later, the score of a row
/// depends only on that row and earlier ones. The detector is `Codable`, so a feed can checkpoint
/// it and resume exactly where it stopped.
public struct AnomalyDetector: Sendable, Codable {
    /// The settings this detector runs with.
    public let configuration: Configuration
    private var window: RollingRobustWindow
    private var profiles: [SeasonalProfile]
    private var firstTimestamp: Timestamp?
    private var learnt = 0
    /// The highest recent score, decaying by ``Configuration/repeatDecay`` per value.
    private var recentPeak = 0.0

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

    /// The full assessment (score, level, baseline, z-score, seasonality used) of `value`, then learns it.
    public mutating func assess(timestamp: Timestamp, value: Double) -> AnomalyAssessment {
        guard value.isFinite else {
            return AnomalyAssessment(score: 0, baseline: window.median ?? .nan, deviation: 0)
        }
        if firstTimestamp == nil { firstTimestamp = timestamp }
        for index in profiles.indices { profiles[index].prepare(at: timestamp) }
        var assessment = judge(value, at: timestamp)
        window.append(value)
        for index in profiles.indices { profiles[index].recordPending(value, at: timestamp) }
        if learnt >= configuration.warmUp {
            let level = Self.squash(assessment.deviation, half: configuration.halfScoreDeviation)
            let reported = recentPeak
            recentPeak = max(level, recentPeak * configuration.repeatDecay)
            assessment.level = level
            assessment.score = level > reported ? level : level * configuration.repeatFactor
        }
        learnt += 1
        return assessment
    }

    /// x² / (x² + half²) for x > 0 (1 for an infinite x), else 0: 0.5 at x = half, approaching 1.
    static func squash(_ x: Double, half: Double) -> Double {
        guard x > 0 else { return 0 }
        guard x.isFinite else { return 1 }
        return x * x / (x * x + half * half)
    }

    /// The baseline and the robust z-score of `value`, from the values before it. Mutating only
    /// to order a seasonal profile's residuals the first time they are needed and to keep where
    /// the windows' searches ended; the result depends only on the values before `value`.
    private mutating func judge(_ value: Double, at timestamp: Timestamp) -> AnomalyAssessment {
        guard learnt >= configuration.warmUp, let median = window.median else {
            return AnomalyAssessment(score: 0, baseline: window.median ?? value, deviation: 0)
        }
        let level = abs(median)
        let settings = SpreadSettings(configuration)
        let globalScale = settings.spread(of: &window, around: median, level: level)
        var best = (scale: globalScale, baseline: median, period: Int64?.none)
        let span = Timestamp.span(from: firstTimestamp ?? timestamp, to: timestamp)
        for index in profiles.indices {
            guard let expected = profiles[index].pendingExpectation,
                span >= profiles[index].period * Int64(configuration.seasonalMinimumPeriods),
                profiles[index].residuals.count >= configuration.seasonalMinimumResiduals
            else { continue }
            // Read first: a mutating call through the array costs its uniqueness checks per value.
            if !profiles[index].residuals.isOrdered { profiles[index].residuals.order() }
            guard let residualMedian = profiles[index].residuals.median else { continue }
            let scale = settings.spread(of: &profiles[index].residuals, around: residualMedian, level: level)
            if scale < configuration.seasonalImprovement * globalScale && scale < best.scale {
                best = (scale, expected + residualMedian, profiles[index].period / 1_000_000_000)
            }
        }
        let deviation = abs(value - best.baseline) / best.scale
        return AnomalyAssessment(score: 0, baseline: best.baseline, deviation: deviation, seasonalPeriodSeconds: best.period)
    }

    /// The configuration's spread settings, copied out so a window of the detector can be
    /// mutated while they are read (a method of the detector would copy the whole detector).
    private struct SpreadSettings {
        let tailFraction: Double
        let tailMinimumValues: Double
        let relativeFloor: Double

        init(_ configuration: Configuration) {
            tailFraction = configuration.tailFraction
            tailMinimumValues = configuration.tailMinimumValues
            relativeFloor = configuration.relativeScaleFloor
        }

        func spread(of values: inout RollingRobustWindow, around center: Double, level: Double) -> Double {
            values.robustSpread(
                around: center, level: level, tailFraction: tailFraction, tailMinimumValues: tailMinimumValues,
                relativeFloor: relativeFloor)
        }
    }
}
