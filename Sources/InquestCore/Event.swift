/// One piece of evidence on the merged timeline: a log record, a metric anomaly, a span,
/// a change, a CI failure, an alert or a note.
public struct Event: Sendable, Hashable {
    /// Store-assigned row id; nil until stored.
    public var id: Int64?
    /// When it happened, UTC.
    public var timestamp: Timestamp
    /// The time exactly as written in the record (empty when the record had none).
    public var timestampText: String
    /// What was assumed about the time (zone, year, missing).
    public var timeQuality: TimeQuality
    public var sourceKind: SourceKind
    /// Which file or connector produced it (a file's base name, a feed's name).
    public var sourceName: String
    public var severity: Severity
    /// The level as written in the record (`WARN`, `err`, `50`...), if any.
    public var levelText: String?
    public var service: String?
    public var host: String?
    public var message: String
    public var traceID: String?
    public var spanID: String?
    public var requestID: String?
    /// Structured attributes as a JSON object text (`{}` when none).
    public var attributesJSON: String
    /// The input record's bytes, exactly as read (continuation lines included).
    public var raw: [UInt8]
    /// Content hash of source + raw record + offset; the store keeps one event per key.
    public var dedupeKey: DedupeKey
    /// The id of the event's log template as stored (see ``LogTemplate``; it may have been
    /// absorbed into another since); nil until mined or for events that have none.
    public var templateID: Int64?

    public init(
        id: Int64? = nil,
        timestamp: Timestamp,
        timestampText: String = "",
        timeQuality: TimeQuality = [],
        sourceKind: SourceKind,
        sourceName: String,
        severity: Severity,
        levelText: String? = nil,
        service: String? = nil,
        host: String? = nil,
        message: String,
        traceID: String? = nil,
        spanID: String? = nil,
        requestID: String? = nil,
        attributesJSON: String = "{}",
        raw: [UInt8] = [],
        dedupeKey: DedupeKey,
        templateID: Int64? = nil
    ) {
        self.id = id
        self.timestamp = timestamp
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
        self.attributesJSON = attributesJSON
        self.raw = raw
        self.dedupeKey = dedupeKey
        self.templateID = templateID
    }
}
