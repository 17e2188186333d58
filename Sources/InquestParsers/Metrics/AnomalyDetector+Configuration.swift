extension AnomalyDetector {
    /// The detector's knobs. The defaults are one global setting for every series, chosen on the
    /// NAB benchmark with a hold-out check (see EVALUATION.md); they are not tuned per series.
    public struct Configuration: Sendable, Hashable, Codable {
        /// How many recent values the rolling median/spread baseline holds at most (3000: ten days
        /// at 5-minute steps, two at one-minute steps); it starts empty and widens as values arrive.
        public var window: Int
        /// Values seen before any score is given (scores are 0 until then).
        public var warmUp: Int
        /// The robust z-score that maps to a score of 0.5 (score = z² / (z² + halfScoreDeviation²));
        /// 3.5 puts 0.8 (the eventizer's threshold) at z = 7.
        public var halfScoreDeviation: Double
        /// The spread never counts as smaller than this fraction of the baseline's magnitude, so
        /// quantised or nearly constant series do not turn every wiggle into an anomaly.
        public var relativeScaleFloor: Double
        /// The spread is at least (q(1−f) − q(f)) / (2·z(1−f)) over the window for this tail fraction f,
        /// so an excursion that recurs in more than f of the window stops counting as anomalous; 0 disables.
        public var tailFraction: Double
        /// While the window is too short for each tail fraction to hold this many values, the
        /// fraction grows until it does, so the tail term applies from the first values.
        public var tailMinimumValues: Double
        /// A score that is not above the recent peak (which decays by this factor per value) is
        /// multiplied by ``repeatFactor``: one excursion is reported once, at its start.
        public var repeatDecay: Double
        /// The factor applied to a score that repeats a recent higher one; 1 disables the damping.
        public var repeatFactor: Double
        /// Candidate seasonal periods in seconds (a day and a week by default).
        public var seasonalPeriods: [Int64]
        /// Buckets per seasonal period (48 half-hours a day, 168 hours a week).
        public var seasonalBuckets: [Int]
        /// The data must span this many periods before a seasonal baseline is considered.
        public var seasonalMinimumPeriods: Int
        /// Residuals a seasonal profile needs before its spread is trusted.
        public var seasonalMinimumResiduals: Int
        /// A seasonal baseline is used only when its residual spread is below this fraction of the
        /// plain rolling spread (i.e. the period really explains the series).
        public var seasonalImprovement: Double

        /// Creates a configuration; every parameter has the global default.
        public init(
            window: Int = 3000,
            warmUp: Int = 5,
            halfScoreDeviation: Double = 3.5,
            relativeScaleFloor: Double = 0.01,
            tailFraction: Double = 0.005,
            tailMinimumValues: Double = 2,
            repeatDecay: Double = 0.99,
            repeatFactor: Double = 0.5,
            seasonalPeriods: [Int64] = [86_400, 604_800],
            seasonalBuckets: [Int] = [48, 168],
            seasonalMinimumPeriods: Int = 3,
            seasonalMinimumResiduals: Int = 144,
            seasonalImprovement: Double = 0.6
        ) {
            self.window = window
            self.warmUp = warmUp
            self.halfScoreDeviation = halfScoreDeviation
            self.relativeScaleFloor = relativeScaleFloor
            self.tailFraction = tailFraction
            self.tailMinimumValues = tailMinimumValues
            self.repeatDecay = repeatDecay
            self.repeatFactor = repeatFactor
            self.seasonalPeriods = seasonalPeriods
            self.seasonalBuckets = seasonalBuckets
            self.seasonalMinimumPeriods = seasonalMinimumPeriods
            self.seasonalMinimumResiduals = seasonalMinimumResiduals
            self.seasonalImprovement = seasonalImprovement
        }

        /// The global default.
        public static let standard = Configuration()
    }
}
