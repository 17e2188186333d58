extension SpanEventizer {
    /// The slow-span rule's parameters (see ``SpanEventizer`` for the rule).
    public struct Configuration: Sendable, Hashable {
        /// How many recent durations per (service, operation) form the baseline.
        public var window: Int
        /// How many spans of an operation must have been seen before any is judged slow.
        public var warmUp: Int
        /// A slow span's duration exceeds median + this × MAD...
        public var madMultiplier: Double
        /// ...and this × median.
        public var medianMultiplier: Double
        /// A slow span at least this × median is critical instead of warning.
        public var criticalMultiplier: Double

        public init(
            window: Int = 200, warmUp: Int = 20, madMultiplier: Double = 6, medianMultiplier: Double = 2,
            criticalMultiplier: Double = 10
        ) {
            self.window = window
            self.warmUp = warmUp
            self.madMultiplier = madMultiplier
            self.medianMultiplier = medianMultiplier
            self.criticalMultiplier = criticalMultiplier
        }
    }
}
