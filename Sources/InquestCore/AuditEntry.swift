/// One recorded change to an investigation, a note, a link, a star or a tag: who made it, when,
/// and the row before and after (JSON objects), written in the same transaction as the change.
///
/// The store writes these itself (SQLite triggers), so every path that changes those tables —
/// the canvas, the CLI, an import — leaves a trail; nothing calls an "audit" function by hand.
public struct AuditEntry: Sendable, Hashable, Codable {
    /// What kind of row changed.
    public enum Entity: String, Sendable, Hashable, Codable, CaseIterable {
        case investigation
        case note
        case link
        case star
        case tag
        /// A saved view (a named filter) of an investigation; only the team database has them.
        case savedView = "view"
    }

    /// How it changed.
    public enum Action: String, Sendable, Hashable, Codable, CaseIterable {
        case create
        case update
        case delete
    }

    public var id: Int64
    public var at: Timestamp
    /// The OS user of the process that made the change (see ``CurrentUser``).
    public var actor: String
    public var entity: Entity
    public var action: Action
    /// The investigation the change belongs to; nil for stars and tags (they belong to events).
    public var investigationID: Int64?
    /// The event a note, link, star or tag is about.
    public var eventID: Int64?
    /// The note, for note changes.
    public var noteID: Int64?
    /// For updates, the changed field names joined by ", "; for tags, the tag.
    public var detail: String?
    /// The row before the change as a JSON object (nil on create).
    public var before: String?
    /// The row after the change as a JSON object (nil on delete).
    public var after: String?

    public init(
        id: Int64, at: Timestamp, actor: String, entity: Entity, action: Action, investigationID: Int64? = nil,
        eventID: Int64? = nil, noteID: Int64? = nil, detail: String? = nil, before: String? = nil, after: String? = nil
    ) {
        self.id = id
        self.at = at
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
