import GRDB

extension InquestStore {
    /// Rows fed to the full-text index per write transaction: large enough to amortise the
    /// commit, small enough that other writers (ingest, the canvas) get the lock in between.
    static let fullTextBatchSize: Int64 = 10_000

    /// Feeds events not yet indexed into `event_fts`, in id ranges, one transaction per range,
    /// advancing `fts_state.last_indexed_id` in the same transaction. Returns rows indexed.
    ///
    /// Safe when several processes call it at once: each range is read and claimed inside its
    /// own write transaction, so no row is indexed twice.
    @discardableResult
    public func indexFullText(maxRows: Int = .max) throws -> Int {
        var indexed = 0
        while indexed < maxRows {
            let budget = Int64(min(maxRows - indexed, Int(Self.fullTextBatchSize)))
            let count = try wrap("full-text indexing") {
                try writer.write { db -> Int in
                    let last = try Int64.fetchOne(db, sql: "SELECT last_indexed_id FROM fts_state WHERE id = 1") ?? 0
                    // The next `budget` rows after `last` (ids may have gaps).
                    let range = try Row.fetchOne(
                        db, sql: "SELECT count(*) AS n, max(id) AS upper FROM (SELECT id FROM event WHERE id > ? ORDER BY id LIMIT ?)",
                        arguments: [last, budget])
                    guard let range, let upper = range["upper"] as Int64?, let rows = range["n"] as Int?, rows > 0 else {
                        return 0
                    }
                    try db.execute(
                        sql: """
                            INSERT INTO event_fts (rowid, message, attributes)
                            SELECT id, message, attributes FROM event WHERE id > ? AND id <= ?
                            """,
                        arguments: [last, upper])
                    try db.execute(sql: "UPDATE fts_state SET last_indexed_id = ? WHERE id = 1", arguments: [upper])
                    return rows
                }
            }
            if count == 0 { break }
            indexed += count
        }
        if indexed > 0 { logger.debug("indexed full text", metadata: ["rows": "\(indexed)"]) }
        return indexed
    }

    /// Number of events not yet in the full-text index.
    public func fullTextBacklog() throws -> Int {
        try wrap("reading the full-text backlog") {
            try writer.read { db in try Self.fullTextBacklog(db) }
        }
    }

    static func fullTextBacklog(_ db: Database) throws -> Int {
        try Int.fetchOne(
            db, sql: "SELECT count(*) FROM event WHERE id > (SELECT last_indexed_id FROM fts_state WHERE id = 1)") ?? 0
    }

    /// Brings the index up to date when `filter` reads it, so a text query never misses rows.
    func prepare(_ filter: FilterSQL) throws {
        if filter.usesFullText { try indexFullText() }
    }
}
