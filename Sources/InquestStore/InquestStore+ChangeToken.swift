import GRDB

extension InquestStore {
    /// A cheap value that changes whenever any process commits something the canvas shows
    /// (events, notes, links, stars, tags, investigations, dead letters). Poll it and reload
    /// when it differs. See ``ChangeToken`` for why it is not `PRAGMA data_version`.
    public func changeToken() throws -> ChangeToken {
        try wrap("reading the change token") {
            try writer.read { db in
                let revision = try Int64.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'revision'") ?? 0
                let lastEventID = try Int64.fetchOne(db, sql: "SELECT max(id) FROM event") ?? 0
                return ChangeToken(revision: revision, lastEventID: lastEventID)
            }
        }
    }

    /// Marks a visible change; called inside every write transaction.
    static func bumpRevision(_ db: Database) throws {
        try db.execute(sql: "UPDATE meta SET value = value + 1 WHERE key = 'revision'")
    }
}
