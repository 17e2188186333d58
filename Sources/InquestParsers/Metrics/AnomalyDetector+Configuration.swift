extension AnomalyDetector {
    /// The detector's knobs. The defaults are one global setting chosen on synthetic series and
    /// checked on the NAB subset (see EVALUATION.md); they are not tuned per series.
    public struct Configuration: Sendable, Hashable {
        /// How many recent values the rolling median/MAD baseline holds.
        public var window: Int
        /// Values seen before any score is given (scores are 0 until then).
        public var warmUp: Int
        /// The robust z-score that maps to a score of 0.5 (score = z² / (z² + halfScoreDeviation²)).
        public var halfScoreDeviation: Double
        /// The spread never counts as smaller than this fraction of the baseline's magnitude, so
        /// quantised or nearly constant series do not turn every wiggle into an anomaly.
        public var relativeScaleFloor: Double
        /// Candidate seasonal periods in seconds (a day and a week by default).
        public var seasonalPeriods: [Int64]
        /// Buckets per seasonal period (48 half-hours a day, 168 hours a week).
        public var seasonalBuckets: [Int]
        /// The data must span this many periods before a seasonal baseline is considered.
        public var seasonalMinimumPeriods: Int
        /// A seasonal baseline is used only when its residual spread is below this fraction of the
        /// plain rolling spread (i.e. the period really explains the series).
        public var seasonalImprovement: Double

        /// Creates a configuration; every parameter has the global default.
        public init(
            window: Int = 288,
            warmUp: Int = 48,
            halfScoreDeviation: Double = 4,
            relativeScaleFloor: Double = 0.01,
            seasonalPeriods: [Int64] = [86_400, 604_800],
            seasonalBuckets: [Int] = [48, 168],
            seasonalMinimumPeriods: Int = 3,
            seasonalImprovement: Double = 0.6
        ) {
            self.window = window
            self.warmUp = warmUp
            self.halfScoreDeviation = halfScoreDeviation
            self.relativeScaleFloor = relativeScaleFloor
            self.seasonalPeriods = seasonalPeriods
            self.seasonalBuckets = seasonalBuckets
            self.seasonalMinimumPeriods = seasonalMinimumPeriods
            self.seasonalImprovement = seasonalImprovement
        }

        /// The global default.
        public static let standard = Configuration()
    }
}
