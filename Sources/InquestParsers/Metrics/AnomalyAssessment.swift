/// What the detector concluded about one value.
public struct AnomalyAssessment: Sendable, Hashable, Codable {
    /// How anomalous the value is, in [0, 1], as an alert: 0 during warm-up and for gaps, and
    /// damped (see ``AnomalyDetector/Configuration/repeatFactor``) when it only repeats an
    /// excursion already reported at a higher score.
    public var score: Double
    /// How anomalous the value is on its own, in [0, 1], before repeats are damped: what an
    /// excursion's hysteresis (``AnomalyEventizer``) follows from its start to its end.
    public var level: Double
    /// The value the baseline expected (rolling median, or the seasonal expectation); `NaN` before any data.
    public var baseline: Double
    /// The robust z-score: distance from the baseline in robust standard deviations (1.4826 × MAD).
    public var deviation: Double
    /// The seasonal period used, in seconds (86,400 or 604,800), or nil when the plain rolling baseline was used.
    public var seasonalPeriodSeconds: Int64?

    /// Creates an assessment.
    public init(score: Double, level: Double? = nil, baseline: Double, deviation: Double, seasonalPeriodSeconds: Int64? = nil) {
        self.score = score
        self.level = level ?? score
        self.baseline = baseline
        self.deviation = deviation
        self.seasonalPeriodSeconds = seasonalPeriodSeconds
    }
}
