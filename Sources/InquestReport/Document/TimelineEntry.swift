/// One event of a report's timeline, with why it is there.
public struct TimelineEntry: Sendable, Hashable, Codable {
    /// 1-based position in the timeline: the anchor footnotes and the appendix point at (`E3`).
    public var ref: Int
    /// The event's id in the exporting store.
    public var eventID: Int64
    public var time: ReportTime
    /// The time exactly as written in the record.
    public var timestampText: String
    /// What was assumed about the time: any of `zoneAssumed`, `yearAssumed`, `missing`.
    public var timeQuality: [String]
    /// `log`, `metric`, `trace`, `change`, `ci`, `alert`, `note`.
    public var sourceKind: String
    public var sourceName: String
    /// `debug`, `info`, `warning`, `error`, `critical`.
    public var severity: String
    public var levelText: String?
    public var service: String?
    public var host: String?
    public var message: String
    public var traceID: String?
    public var spanID: String?
    public var requestID: String?
    /// The structured attributes as JSON object text.
    public var attributes: String
    /// The store's dedupe key as 32 hex digits (lets an importer find an event it already has).
    public var dedupeKey: String
    /// Tags on the event, alphabetically.
    public var tags: [String]
    /// Linked to this investigation as evidence.
    public var linked: Bool
    /// Starred by someone.
    public var starred: Bool
    /// Cited by a note (or a note is about it).
    public var cited: Bool
    /// A metric anomaly event (a `metric` event with anomaly attributes).
    public var anomaly: Bool
    /// Who linked it, when and why; nil when not linked.
    public var link: ReportLink?

    public init(
        ref: Int, eventID: Int64, time: ReportTime, timestampText: String, timeQuality: [String], sourceKind: String,
        sourceName: String, severity: String, levelText: String?, service: String?, host: String?, message: String,
        traceID: String?, spanID: String?, requestID: String?, attributes: String, dedupeKey: String, tags: [String],
        linked: Bool, starred: Bool, cited: Bool, anomaly: Bool, link: ReportLink?
    ) {
        self.ref = ref
        self.eventID = eventID
        self.time = time
        self.timestampText = timestampText
        self.timeQuality = timeQuality
        self.sourceKind = sourceKind
        self.sourceName = sourceName
        self.severity = severity
        self.levelText = levelText
        self.service = service
        self.host = host
        self.message = message
        self.traceID = traceID
        self.spanID = spanID
        self.requestID = requestID
        self.attributes = attributes
        self.dedupeKey = dedupeKey
        self.tags = tags
        self.linked = linked
        self.starred = starred
        self.cited = cited
        self.anomaly = anomaly
        self.link = link
    }
}

/// Why and by whom an event was linked to the investigation.
public struct ReportLink: Sendable, Hashable, Codable {
    public var by: String
    public var at: ReportTime
    public var reason: String?

    public init(by: String, at: ReportTime, reason: String?) {
        self.by = by
        self.at = at
        self.reason = reason
    }
}
