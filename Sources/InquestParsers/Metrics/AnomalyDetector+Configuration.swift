extension AnomalyDetector {
    /// The detector's knobs. The defaults are one global setting chosen on synthetic series and
    /// checked on the NAB subset (see EVALUATION.md); they are not tuned per series.
    public struct Configuration: Sendable, Hashable, Codable {
        /// How many recent values the rolling median/MAD baseline holds (1440: five days at 5-minute steps).
        public var window: Int
        /// Values seen before any score is given (scores are 0 until then; 144: half a day at 5 minutes).
        public var warmUp: Int
        /// The robust z-score that maps to a score of 0.5 (score = z² / (z² + halfScoreDeviation²)).
        public var halfScoreDeviation: Double
        /// The spread never counts as smaller than this fraction of the baseline's magnitude, so
        /// quantised or nearly constant series do not turn every wiggle into an anomaly.
        public var relativeScaleFloor: Double
        /// The spread is at least (q(1−f) − q(f)) / (2·z(1−f)) over the window for this tail fraction f,
        /// so an excursion that recurs in more than f of the window stops counting as anomalous; 0 disables.
        public var tailFraction: Double
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
            window: Int = 1440,
            warmUp: Int = 144,
            halfScoreDeviation: Double = 3,
            relativeScaleFloor: Double = 0.01,
            tailFraction: Double = 0.01,
            seasonalPeriods: [Int64] = [86_400, 604_800],
            seasonalBuckets: [Int] = [48, 168],
            seasonalMinimumPeriods: Int = 3,
            seasonalImprovement: Double = 0.6
        ) {
            self.window = window
            self.warmUp = warmUp
            self.halfScoreDeviation = halfScoreDeviation
            self.relativeScaleFloor = relativeScaleFloor
            self.tailFraction = tailFraction
            self.seasonalPeriods = seasonalPeriods
            self.seasonalBuckets = seasonalBuckets
            self.seasonalMinimumPeriods = seasonalMinimumPeriods
            self.seasonalImprovement = seasonalImprovement
        }

        /// The global default.
        public static let standard = Configuration()
    }
}
