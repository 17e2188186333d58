/// One audit-trail entry as a bundle carries it (ids are the source store's), with the key it
/// had in the store it was first recorded in, so that importing twice records it once.
public struct BundledAuditEntry: Sendable, Hashable, Codable {
    public var originKey: String
    public var atNs: Int64
    public var actor: String
    /// `investigation`, `note`, `link`, `star` or `tag`.
    public var entity: String
    /// `create`, `update` or `delete`.
    public var action: String
    public var investigationID: Int64?
    public var eventID: Int64?
    public var noteID: Int64?
    public var detail: String?
    public var before: String?
    public var after: String?

    public init(
        originKey: String, atNs: Int64, actor: String, entity: String, action: String, investigationID: Int64?,
        eventID: Int64?, noteID: Int64?, detail: String?, before: String?, after: String?
    ) {
        self.originKey = originKey
        self.atNs = atNs
        self.actor = actor
        self.entity = entity
        self.action = action
        self.investigationID = investigationID
        self.eventID = eventID
        self.noteID = noteID
        self.detail = detail
        self.before = before
        self.after = after
    }
}
