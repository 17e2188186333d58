import GRDB
import InquestCore

/// Reads that `inquest bundle` needs beyond the canvas's: full events of a time range,
/// star and tag records with who/when, and the identity and import origins of this store.
extension InquestStore {
    /// This store's random identity (created with the schema; stable while the file lives).
    public func storeID() throws -> String {
        try wrap("reading the store identity") {
            try writer.read { db in try Self.storeID(db) }
        }
    }

    static func storeID(_ db: Database) throws -> String {
        guard let id = try String.fetchOne(db, sql: "SELECT store_id FROM store_identity WHERE id = 1") else {
            throw StoreError.corruptRow(table: "store_identity", id: 1, column: "store_id", value: "missing")
        }
        return id
    }

    /// Full events with `from <= ts <= through`, in (time, id) order, at most `limit` of them.
    public func events(from: Timestamp, through: Timestamp, limit: Int) throws -> [Event] {
        try wrap("reading events from \(from) through \(through)") {
            try writer.read { db in
                try [Event](
                    rows: Row.fetchAll(
                        db, sql: "SELECT \(Event.selection) FROM event WHERE ts BETWEEN ? AND ? ORDER BY ts, id LIMIT ?",
                        arguments: [from.nanoseconds, through.nanoseconds, limit]),
                    in: db)
            }
        }
    }

    /// How many events have `from <= ts <= through`.
    public func eventCount(from: Timestamp, through: Timestamp) throws -> Int {
        try wrap("counting events from \(from) through \(through)") {
            try writer.read { db in
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM event WHERE ts BETWEEN ? AND ?",
                    arguments: [from.nanoseconds, through.nanoseconds]) ?? 0
            }
        }
    }

    /// The stars of the given events (those that have one), by event id.
    public func stars(eventIDs: [Int64]) throws -> [EventStar] {
        try chunked(eventIDs, "reading stars") { db, placeholders, chunk in
            try Row.fetchAll(
                db, sql: "SELECT event_id, starred_by, starred_at FROM star WHERE event_id IN (\(placeholders)) ORDER BY event_id",
                arguments: StatementArguments(chunk)
            ).map { EventStar(eventID: $0["event_id"], starredBy: $0["starred_by"], starredAt: Timestamp(nanoseconds: $0["starred_at"])) }
        }
    }

    /// The tags of the given events, by event id then tag.
    public func tagRecords(eventIDs: [Int64]) throws -> [EventTag] {
        try chunked(eventIDs, "reading tags") { db, placeholders, chunk in
            try Row.fetchAll(
                db,
                sql: "SELECT event_id, tag, tagged_by, tagged_at FROM event_tag WHERE event_id IN (\(placeholders)) ORDER BY event_id, tag",
                arguments: StatementArguments(chunk)
            ).map {
                EventTag(eventID: $0["event_id"], tag: $0["tag"], taggedBy: $0["tagged_by"], taggedAt: Timestamp(nanoseconds: $0["tagged_at"]))
            }
        }
    }

    /// Where an imported investigation came from; nil for one created here.
    public func origin(investigationID: Int64) throws -> InvestigationOrigin? {
        try wrap("reading the origin of investigation \(investigationID)") {
            try writer.read { db in
                try Row.fetchOne(
                    db, sql: "SELECT * FROM investigation_origin WHERE investigation_id = ?", arguments: [investigationID]
                ).map(InvestigationOrigin.init(row:))
            }
        }
    }

    /// The key a row had in the store it was first created in: the recorded one for an imported
    /// row, else `<this store id>:<entity>:<id>`. Bundles carry it so importing is idempotent
    /// along chains of stores (A → B → C → A finds A's own rows again).
    public func originKey(entity: String, localID: Int64) throws -> String {
        try wrap("reading the origin key of \(entity) \(localID)") {
            try writer.read { db in try Self.originKey(entity: entity, localID: localID, db) }
        }
    }

    static func originKey(entity: String, localID: Int64, _ db: Database) throws -> String {
        if let recorded = try String.fetchOne(
            db, sql: "SELECT origin_key FROM exchange_origin WHERE entity = ? AND local_id = ? LIMIT 1",
            arguments: [entity, localID]) {
            return recorded
        }
        return "\(try storeID(db)):\(entity):\(localID)"
    }

    private func chunked<T>(
        _ ids: [Int64], _ operation: String, _ body: (Database, String, [Int64]) throws -> [T]
    ) throws -> [T] {
        guard !ids.isEmpty else { return [] }
        return try wrap(operation) {
            try writer.read { db in
                var out: [T] = []
                for start in stride(from: 0, to: ids.count, by: 500) {
                    let chunk = Array(ids[start..<min(start + 500, ids.count)])
                    out += try body(db, databaseQuestionMarks(count: chunk.count), chunk)
                }
                return out
            }
        }
    }
}

extension InvestigationOrigin {
    init(row: Row) {
        self.init(
            investigationID: row["investigation_id"], originKey: row["origin_key"], sourceDatabase: row["source_database"],
            sourceHost: row["source_host"], sourceUser: row["source_user"], originalID: row["original_id"],
            format: row["format"], importedAt: Timestamp(nanoseconds: row["imported_at"]), importedBy: row["imported_by"])
    }
}
