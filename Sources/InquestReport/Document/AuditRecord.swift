/// One recorded change, as exported from the store's audit trail.
public struct AuditRecord: Sendable, Hashable, Codable {
    public var at: ReportTime
    /// The OS user who made the change.
    public var actor: String
    /// `investigation`, `note`, `link`, `star` or `tag`.
    public var entity: String
    /// `create`, `update` or `delete`.
    public var action: String
    public var eventID: Int64?
    public var noteID: Int64?
    /// E.g. the tag name or the changed field names.
    public var detail: String?
    /// JSON object of the row before the change (nil on create).
    public var before: String?
    /// JSON object of the row after the change (nil on delete).
    public var after: String?

    public init(
        at: ReportTime, actor: String, entity: String, action: String, eventID: Int64?, noteID: Int64?,
        detail: String?, before: String?, after: String?
    ) {
        self.at = at
        self.actor = actor
        self.entity = entity
        self.action = action
        self.eventID = eventID
        self.noteID = noteID
        self.detail = detail
        self.before = before
        self.after = after
    }
}
