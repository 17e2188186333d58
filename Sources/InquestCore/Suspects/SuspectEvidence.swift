/// One measured reason a service is a suspect: what was seen, the numbers before and after the
/// incident time, how much it added to the score, and a filter selecting the events behind it.
public struct SuspectEvidence: Sendable, Hashable {
    /// Which signal produced the evidence.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// A log template of the service that is new, louder or gone after the incident time.
        case logTemplate = "log_template"
        /// The service's own spans: errors, or latency not explained by the spans it calls.
        case spans
        /// A calling relation whose spans vanished or changed after the incident time.
        case calls
        /// A metric series of the service that left its own baseline.
        case metric
        /// A change (deploy, commit, CI failure, config) shortly before the incident time.
        case change
    }

    /// Which signal produced the evidence.
    public var kind: Kind
    /// One line for people, with the numbers ("template 17 `connection to <*> refused` 0 → 212 events").
    public var summary: String
    /// Selects the events behind the evidence (service, template, trace, time window).
    public var filter: Filter
    /// What the signal measured in the baseline, in the summary's unit (nil when it has no such number).
    public var before: Double?
    /// What the signal measured after the incident time, in the summary's unit.
    public var after: Double?
    /// When the evidence was seen first (its earliest event or sample), if known.
    public var at: Timestamp?
    /// How much the evidence added to its suspect's score.
    public var contribution: Double

    public init(
        kind: Kind, summary: String, filter: Filter, before: Double? = nil, after: Double? = nil, at: Timestamp? = nil,
        contribution: Double
    ) {
        self.kind = kind
        self.summary = summary
        self.filter = filter
        self.before = before
        self.after = after
        self.at = at
        self.contribution = contribution
    }
}
