import GRDB

extension InquestStore {
    /// Feeds events not yet indexed into the full-text index (``FullTextIndex``), in id ranges,
    /// one transaction of the index file per range. Returns rows indexed.
    ///
    /// Never takes the store's write lock, so it runs in parallel with appends (an ingest indexes
    /// on a second thread while it stores). Safe when several processes call it at once: no row
    /// is indexed twice.
    @discardableResult
    public func indexFullText(maxRows: Int = .max) throws -> Int {
        try indexFullText(maxRows: maxRows, onlyVisibleNow: false)
    }

    /// With `onlyVisibleNow`, indexes up to the newest event visible when called and stops there,
    /// even while another process keeps appending (a text query in a canvas during an ingest).
    func indexFullText(maxRows: Int = .max, onlyVisibleNow: Bool) throws -> Int {
        // A read-only store searches what is indexed; it cannot write the index.
        guard !isReadOnly else { return 0 }
        // A read first: when nothing is pending (the usual case for a text query) no lock is
        // taken, so a query never waits behind another process's indexing.
        let (behind, newest) = try fullTextState()
        guard behind else { return 0 }
        let indexed = try wrap("full-text indexing") {
            try fullText.index(maxRows: maxRows, through: onlyVisibleNow ? newest : .max)
        }
        if indexed > 0 { logger.debug("indexed full text", metadata: ["rows": "\(indexed)"]) }
        return indexed
    }

    /// Whether some event is not yet in the full-text index, and the newest event id (two index lookups).
    func fullTextState() throws -> (behind: Bool, newest: Int64) {
        try wrap("reading the full-text state") {
            try writer.read { db in
                let last = try Int64.fetchOne(db, sql: "SELECT last_indexed_id FROM fts.fts_state WHERE id = 1") ?? 0
                let newest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM event") ?? 0
                return (newest > last, newest)
            }
        }
    }

    /// Number of events not yet in the full-text index.
    public func fullTextBacklog() throws -> Int {
        try wrap("reading the full-text backlog") {
            try writer.read { db in try Self.fullTextBacklog(db) }
        }
    }

    /// The backlog, on a connection that reads (one with the index attached).
    static func fullTextBacklog(_ db: Database) throws -> Int {
        try Int.fetchOne(
            db, sql: "SELECT count(*) FROM event WHERE id > (SELECT last_indexed_id FROM fts.fts_state WHERE id = 1)") ?? 0
    }

    /// Brings the index up to date when `filter` reads it, so a text query never misses rows
    /// that exist when it starts (rows appended meanwhile are the next refresh's).
    func prepare(_ filter: FilterSQL) throws {
        if filter.usesFullText { _ = try indexFullText(onlyVisibleNow: true) }
    }
}
