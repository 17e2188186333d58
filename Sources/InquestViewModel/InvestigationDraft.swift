import InquestCore

/// The editable fields of an investigation, as the form produces them.
public struct InvestigationDraft: Sendable, Hashable {
    public var title: String
    public var status: Investigation.Status
    public var severity: Investigation.IncidentSeverity
    public var owner: String
    public var rootCause: String
    public var impact: String

    public init(title: String = "", status: Investigation.Status = .open, severity: Investigation.IncidentSeverity = .sev3, owner: String = "", rootCause: String = "", impact: String = "") {
        self.title = title
        self.status = status
        self.severity = severity
        self.owner = owner
        self.rootCause = rootCause
        self.impact = impact
    }

    /// The draft of an existing investigation's fields.
    public init(_ investigation: Investigation) {
        self.init(
            title: investigation.title, status: investigation.status, severity: investigation.severity,
            owner: investigation.owner, rootCause: investigation.rootCause, impact: investigation.impact
        )
    }
}

/// A note to save: a new one (`id` nil) or an edit.
public struct NoteDraft: Sendable, Hashable {
    public var id: Int64?
    public var investigationID: Int64
    public var eventID: Int64?
    public var body: String

    public init(id: Int64? = nil, investigationID: Int64, eventID: Int64? = nil, body: String) {
        self.id = id
        self.investigationID = investigationID
        self.eventID = eventID
        self.body = body
    }
}
