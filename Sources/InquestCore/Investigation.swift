/// An incident being investigated, with its write-up fields.
public struct Investigation: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case open
        case investigating
        case resolved
    }

    public enum IncidentSeverity: String, Sendable, Hashable, Codable, CaseIterable {
        case sev1 = "SEV1"
        case sev2 = "SEV2"
        case sev3 = "SEV3"
        case sev4 = "SEV4"
    }

    public var id: Int64?
    public var title: String
    public var summary: String
    public var status: Status
    public var severity: IncidentSeverity
    public var owner: String
    public var createdAt: Timestamp
    public var updatedAt: Timestamp
    public var resolvedAt: Timestamp?
    /// The time window of interest, if set.
    public var windowStart: Timestamp?
    public var windowEnd: Timestamp?
    public var affectedServices: [String]
    public var rootCause: String
    public var impact: String
    public var resolution: String

    public init(
        id: Int64? = nil,
        title: String,
        summary: String = "",
        status: Status = .open,
        severity: IncidentSeverity = .sev3,
        owner: String = "",
        createdAt: Timestamp = .now(),
        updatedAt: Timestamp? = nil,
        resolvedAt: Timestamp? = nil,
        windowStart: Timestamp? = nil,
        windowEnd: Timestamp? = nil,
        affectedServices: [String] = [],
        rootCause: String = "",
        impact: String = "",
        resolution: String = ""
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.status = status
        self.severity = severity
        self.owner = owner
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.resolvedAt = resolvedAt
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.affectedServices = affectedServices
        self.rootCause = rootCause
        self.impact = impact
        self.resolution = resolution
    }
}

/// A markdown note of an investigation, optionally about one event.
public struct Note: Sendable, Hashable, Codable {
    public var id: Int64?
    public var investigationID: Int64
    public var eventID: Int64?
    public var author: String
    public var body: String
    public var createdAt: Timestamp
    public var editedAt: Timestamp

    public init(id: Int64? = nil, investigationID: Int64, eventID: Int64? = nil, author: String, body: String, createdAt: Timestamp = .now(), editedAt: Timestamp? = nil) {
        self.id = id
        self.investigationID = investigationID
        self.eventID = eventID
        self.author = author
        self.body = body
        self.createdAt = createdAt
        self.editedAt = editedAt ?? createdAt
    }
}

/// An event linked to an investigation as evidence.
public struct EventLink: Sendable, Hashable, Codable {
    public var investigationID: Int64
    public var eventID: Int64
    public var linkedBy: String
    public var linkedAt: Timestamp
    public var reason: String?

    public init(investigationID: Int64, eventID: Int64, linkedBy: String, linkedAt: Timestamp = .now(), reason: String? = nil) {
        self.investigationID = investigationID
        self.eventID = eventID
        self.linkedBy = linkedBy
        self.linkedAt = linkedAt
        self.reason = reason
    }
}

/// An input record that could not be parsed or stored, kept with the reason and its bytes.
public struct DeadLetter: Sendable, Hashable {
    public var id: Int64?
    /// The file path or feed name.
    public var source: String
    /// Where in the source: `file:line` or a byte offset.
    public var location: String
    public var reason: String
    public var raw: [UInt8]
    public var firstSeen: Timestamp
    public var attempts: Int

    public init(id: Int64? = nil, source: String, location: String, reason: String, raw: [UInt8], firstSeen: Timestamp = .now(), attempts: Int = 1) {
        self.id = id
        self.source = source
        self.location = location
        self.reason = reason
        self.raw = raw
        self.firstSeen = firstSeen
        self.attempts = attempts
    }
}
