import GRDB
import GRDBSQLite
import InquestCore

/// Inserts events with one reused prepared statement and raw `sqlite3_bind_*` calls, which is
/// about twice as fast as binding through GRDB's `StatementArguments` (see PLATFORM.md).
///
/// The statement comes from GRDB's per-connection statement cache, so it is prepared once per
/// writer connection and reused across batches. Only this type steps it.
enum EventInsertion {
    static let sql = """
        INSERT OR IGNORE INTO event (ts, ts_text, time_quality, source_kind, source_name, severity, level_text,
          service, host, message, trace_id, span_id, request_id, attributes, raw, dedupe_key)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// What inserting one batch did.
    struct Outcome {
        var inserted = 0
        var duplicates = 0
        var firstID: Int64?
        var lastID: Int64?
    }

    /// Inserts `events` in the current transaction; events whose dedupe key is already stored are skipped.
    static func insert(_ events: [Event], in db: Database, path: String) throws -> Outcome {
        var outcome = Outcome()
        guard !events.isEmpty else { return outcome }
        let statement = try db.cachedStatement(sql: sql)
        let handle = statement.sqliteStatement
        guard let connection = db.sqliteConnection else {
            throw StoreError.database(operation: "append", path: path, reason: "the connection is closed")
        }
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        for event in events {
            sqlite3_reset(handle)
            var code = bind(event, to: handle)
            if code == SQLITE_OK {
                code = sqlite3_step(handle)
            }
            guard code == SQLITE_DONE else {
                let message = String(cString: sqlite3_errmsg(connection))
                throw StoreError.database(
                    operation: "append (event at \(event.timestamp), source \(event.sourceName))",
                    path: path, reason: "SQLite error \(code): \(message)")
            }
            if sqlite3_changes(connection) > 0 {
                let id = sqlite3_last_insert_rowid(connection)
                if outcome.firstID == nil { outcome.firstID = id }
                outcome.lastID = id
                outcome.inserted += 1
            } else {
                outcome.duplicates += 1
            }
        }
        return outcome
    }

    /// Binds every column of `event`; returns the first non-OK SQLite code, or SQLITE_OK.
    private static func bind(_ event: Event, to handle: OpaquePointer) -> CInt {
        var first = SQLITE_OK
        func check(_ code: CInt) {
            if code != SQLITE_OK && first == SQLITE_OK { first = code }
        }
        check(sqlite3_bind_int64(handle, 1, event.timestamp.nanoseconds))
        check(RawBind.text(event.timestampText, handle, 2))
        check(sqlite3_bind_int64(handle, 3, Int64(event.timeQuality.rawValue)))
        check(RawBind.text(event.sourceKind.rawValue, handle, 4))
        check(RawBind.text(event.sourceName, handle, 5))
        check(sqlite3_bind_int64(handle, 6, Int64(event.severity.rawValue)))
        check(RawBind.optionalText(event.levelText, handle, 7))
        check(RawBind.optionalText(event.service, handle, 8))
        check(RawBind.optionalText(event.host, handle, 9))
        check(RawBind.text(event.message, handle, 10))
        check(RawBind.optionalText(event.traceID, handle, 11))
        check(RawBind.optionalText(event.spanID, handle, 12))
        check(RawBind.optionalText(event.requestID, handle, 13))
        check(RawBind.text(event.attributesJSON.isEmpty ? "{}" : event.attributesJSON, handle, 14))
        check(RawBind.blob(event.raw, handle, 15))
        check(RawBind.dedupeKey(event.dedupeKey, handle, 16))
        return first
    }
}
