import InquestCore

/// The editable fields of an investigation, as the form produces them.
public struct InvestigationDraft: Sendable, Hashable {
    /// The investigation's one-line title (required).
    public var title: String
    public var status: Investigation.Status
    public var severity: Investigation.IncidentSeverity
    /// Who leads the investigation.
    public var owner: String
    /// What caused the incident, once known.
    public var rootCause: String
    /// Who or what was affected.
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
    /// The note being edited; nil for a new note.
    public var id: Int64?
    public var investigationID: Int64
    /// The event the note is about, if any.
    public var eventID: Int64?
    /// The note's Markdown text.
    public var body: String

    public init(id: Int64? = nil, investigationID: Int64, eventID: Int64? = nil, body: String) {
        self.id = id
        self.investigationID = investigationID
        self.eventID = eventID
        self.body = body
    }
}
