/// One field of an audited row, before and after a change, as display text (see
/// ``AuditEntry/fieldChanges``).
public struct AuditFieldChange: Sendable, Hashable, Codable {
    public var field: String
    /// Nil on a create (the field did not exist).
    public var before: String?
    /// Nil on a delete.
    public var after: String?

    public init(field: String, before: String?, after: String?) {
        self.field = field
        self.before = before
        self.after = after
    }
}
