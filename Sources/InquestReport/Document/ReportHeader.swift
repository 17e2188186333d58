/// The write-up fields of an investigation, as exported.
public struct ReportHeader: Sendable, Hashable, Codable {
    /// The investigation's id in the exporting store.
    public var investigationID: Int64
    public var title: String
    public var summary: String
    /// `open`, `investigating` or `resolved`.
    public var status: String
    /// `SEV1` ... `SEV4`.
    public var severity: String
    public var owner: String
    /// The investigation's time window as set, or else the span of its timeline.
    public var window: ReportWindow?
    public var affectedServices: [String]
    public var rootCause: String
    public var impact: String
    public var resolution: String
    public var created: ReportStamp
    public var updated: ReportStamp
    /// Nil while unresolved.
    public var resolved: ReportStamp?

    public init(
        investigationID: Int64, title: String, summary: String, status: String, severity: String, owner: String,
        window: ReportWindow?, affectedServices: [String], rootCause: String, impact: String, resolution: String,
        created: ReportStamp, updated: ReportStamp, resolved: ReportStamp?
    ) {
        self.investigationID = investigationID
        self.title = title
        self.summary = summary
        self.status = status
        self.severity = severity
        self.owner = owner
        self.window = window
        self.affectedServices = affectedServices
        self.rootCause = rootCause
        self.impact = impact
        self.resolution = resolution
        self.created = created
        self.updated = updated
        self.resolved = resolved
    }
}

/// A closed time range of a report.
public struct ReportWindow: Sendable, Hashable, Codable {
    public var start: ReportTime
    public var end: ReportTime
    /// True when the investigation had no window set and this is the span of its evidence.
    public var derived: Bool

    public init(start: ReportTime, end: ReportTime, derived: Bool) {
        self.start = start
        self.end = end
        self.derived = derived
    }
}
