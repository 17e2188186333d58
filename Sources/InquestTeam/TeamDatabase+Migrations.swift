import PostgresNIO

extension TeamDatabase {
    /// The advisory lock key that serialises migrations between clients starting at once.
    static let migrationLockKey: Int64 = 0x1_6E71_E57

    /// Applies the migrations of ``TeamMigration/all`` the database lacks, each in its own
    /// transaction, under an advisory lock so that clients starting together do not race. A role
    /// that may not create tables can open a database another role has migrated.
    /// Returns the names applied now.
    @discardableResult
    public func migrate() async throws(TeamError) -> [String] {
        let logger = self.logger
        return try await withConnection("migrating the team database") { connection in
            var applied: [String] = []
            for migration in TeamMigration.all {
                let didApply = try await connection.withTransaction(logger: logger) { transaction in
                    try await transaction.query("SELECT pg_advisory_xact_lock(\(Self.migrationLockKey))", logger: logger)
                    // Checked before creating: a role without CREATE rights opens an up-to-date
                    // database (CREATE TABLE IF NOT EXISTS checks the right first).
                    let table = try await transaction.query(
                        "SELECT to_regclass('inquest_migration') IS NOT NULL", logger: logger
                    ).decode(Bool.self)
                    var hasTable = false
                    for try await exists in table { hasTable = exists }
                    if !hasTable {
                        try await transaction.query(
                            "CREATE TABLE inquest_migration (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
                            logger: logger)
                    }
                    let rows = try await transaction.query(
                        "SELECT 1 FROM inquest_migration WHERE name = \(migration.name)", logger: logger
                    ).collect()
                    guard rows.isEmpty else { return false }
                    for statement in migration.statements {
                        try await transaction.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    try await transaction.query("INSERT INTO inquest_migration (name) VALUES (\(migration.name))", logger: logger)
                    return true
                }
                if didApply { applied.append(migration.name) }
            }
            return applied
        }
    }

    /// The names of the migrations the database has, in the order they were applied.
    public func appliedMigrations() async throws(TeamError) -> [String] {
        let logger = self.logger
        return try await withConnection("reading the team database's migrations") { connection in
            var names: [String] = []
            for try await name in try await connection.query(
                "SELECT name FROM inquest_migration ORDER BY applied_at, name", logger: logger
            ).decode(String.self) {
                names.append(name)
            }
            return names
        }
    }
}
