/// What the timeline needs of one event: no raw bytes, no attributes.
public struct EventSummary: Sendable, Hashable {
    public var id: Int64
    public var timestamp: Timestamp
    /// Neither the record nor any before it in its file had a time (``TimeQuality/unknown``):
    /// `timestamp` only keeps the file's order, so the timeline shows no time for it.
    public var isTimeUnknown: Bool
    public var sourceKind: SourceKind
    public var sourceName: String
    public var severity: Severity
    public var service: String?
    public var host: String?
    public var message: String
    public var isStarred: Bool
    public var tags: [String]
    /// Ids of the investigations this event is linked to.
    public var linkedInvestigationIDs: [Int64]

    public init(
        id: Int64,
        timestamp: Timestamp,
        isTimeUnknown: Bool = false,
        sourceKind: SourceKind,
        sourceName: String,
        severity: Severity,
        service: String? = nil,
        host: String? = nil,
        message: String,
        isStarred: Bool = false,
        tags: [String] = [],
        linkedInvestigationIDs: [Int64] = []
    ) {
        self.id = id
        self.timestamp = timestamp
        self.isTimeUnknown = isTimeUnknown
        self.sourceKind = sourceKind
        self.sourceName = sourceName
        self.severity = severity
        self.service = service
        self.host = host
        self.message = message
        self.isStarred = isStarred
        self.tags = tags
        self.linkedInvestigationIDs = linkedInvestigationIDs
    }

    public var cursor: EventCursor { EventCursor(timestamp: timestamp, id: id) }
}

/// A position in the timeline's total order (time, then id): the key of keyset pagination.
public struct EventCursor: Sendable, Hashable, Comparable {
    public var timestamp: Timestamp
    public var id: Int64

    public init(timestamp: Timestamp, id: Int64) {
        self.timestamp = timestamp
        self.id = id
    }

    public static func < (lhs: EventCursor, rhs: EventCursor) -> Bool {
        (lhs.timestamp, lhs.id) < (rhs.timestamp, rhs.id)
    }
}

/// Where a window of events starts. Windows are always returned in ascending (time, id) order.
public enum WindowAnchor: Sendable, Hashable {
    /// The first `limit` events.
    case oldest
    /// The last `limit` events.
    case newest
    /// Events at or after this time (the first `limit` of them).
    case atOrAfter(Timestamp)
    /// Events strictly after this cursor.
    case after(EventCursor)
    /// Events strictly before this cursor (the `limit` closest to it).
    case before(EventCursor)
}

/// Event counts in one time bucket of a histogram.
public struct HistogramBucket: Sendable, Hashable {
    public var start: Timestamp
    public var total: Int
    /// Events of severity error or critical.
    public var errors: Int

    public init(start: Timestamp, total: Int, errors: Int) {
        self.start = start
        self.total = total
        self.errors = errors
    }
}

/// An investigation with the counts the list pane shows.
public struct InvestigationSummary: Sendable, Hashable {
    public var investigation: Investigation
    public var linkedEventCount: Int
    public var noteCount: Int

    public init(investigation: Investigation, linkedEventCount: Int, noteCount: Int) {
        self.investigation = investigation
        self.linkedEventCount = linkedEventCount
        self.noteCount = noteCount
    }
}
