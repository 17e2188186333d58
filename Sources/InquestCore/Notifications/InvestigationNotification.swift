/// A change to an investigation worth telling people about, as the store records it from the
/// audit trail (or, later, from a team database's trail): the investigation as it is after the
/// change, what it was before, and the note for a note.
public struct InvestigationNotification: Sendable, Hashable {
    public var id: Int64
    /// Where the change was recorded: `local` for this store's audit trail, `team:NAME` for a team database's.
    public var source: String
    /// The audit row's id in that source (unique per source: one change, one notification).
    public var sourceID: String
    public var at: Timestamp
    /// Who made the change.
    public var actor: String
    public var kinds: Set<NotificationKind>
    public var investigationID: Int64
    public var title: String
    public var status: Investigation.Status
    public var severity: Investigation.IncidentSeverity
    public var owner: String
    /// The status, severity and owner before an update (nil for a creation or a note).
    public var previousStatus: Investigation.Status?
    public var previousSeverity: Investigation.IncidentSeverity?
    public var previousOwner: String?
    /// The added note (for `note`).
    public var noteID: Int64?
    public var noteAuthor: String?
    public var noteBody: String?

    public init(
        id: Int64, source: String, sourceID: String, at: Timestamp, actor: String, kinds: Set<NotificationKind>,
        investigationID: Int64, title: String, status: Investigation.Status, severity: Investigation.IncidentSeverity,
        owner: String, previousStatus: Investigation.Status? = nil, previousSeverity: Investigation.IncidentSeverity? = nil,
        previousOwner: String? = nil, noteID: Int64? = nil, noteAuthor: String? = nil, noteBody: String? = nil
    ) {
        self.id = id
        self.source = source
        self.sourceID = sourceID
        self.at = at
        self.actor = actor
        self.kinds = kinds
        self.investigationID = investigationID
        self.title = title
        self.status = status
        self.severity = severity
        self.owner = owner
        self.previousStatus = previousStatus
        self.previousSeverity = previousSeverity
        self.previousOwner = previousOwner
        self.noteID = noteID
        self.noteAuthor = noteAuthor
        self.noteBody = noteBody
    }
}
