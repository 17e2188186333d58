/// One named step of the team database's schema. Never edit a shipped migration: add a new one.
/// ``TeamDatabase/migrate()`` applies the missing ones in order, each in its own transaction,
/// and records its name in `inquest_migration`.
public struct TeamMigration: Sendable, Hashable {
    public var name: String
    /// The statements, run one by one (PostgreSQL's extended protocol takes one statement each).
    public var statements: [String]

    public init(name: String, statements: [String]) {
        self.name = name
        self.statements = statements
    }

    /// Every migration, oldest first.
    public static let all: [TeamMigration] = [investigationLayer]
}
