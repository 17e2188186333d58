import GRDB
import GRDBSQLite
import InquestCore

/// The `event_minute_count` table: event counts per UTC minute and (service, severity, stored
/// template, source kind), which breakdowns read for the whole minutes of their window instead
/// of one row per event (see `InquestStore.groupCounts`).
///
/// Appends add what they stored in the same transaction (``EventInsertion`` is the one insert
/// path); triggers subtract what a delete removes or an update moves, so any future path that
/// drops or rewrites events keeps the counts exact without costing the append anything. Templates
/// are kept as stored: a merge is folded at read time, as it is for the rows.
///
/// The key columns cannot be NULL (a WITHOUT ROWID primary key), so an event without a service
/// is keyed by the empty blob `x''` (which no text equals) and one without a template by 0 (ids
/// are positive); the generated columns `service` and `template_id` read them back as NULL, so
/// a filter compiled for `event` runs on this table unchanged (`FROM event_minute_count AS event`).
///
/// Hosts and file names are not keys: on `gen_events.py` data (500k events over a day, 1–10
/// events per (minute, template, host)) adding the host took the table from 226k to 438k rows,
/// nearly one per event, which every append would pay for; those breakdowns read the rows.
enum MinuteCounts {
    /// The breakdown dimensions the table carries.
    static func carries(_ dimension: BreakdownDimension) -> Bool {
        switch dimension {
        case .service, .severity, .source, .template: true
        case .host, .sourceName, .attribute: false
        }
    }

    /// The filter fields the table carries: a filter reading only these selects exactly the
    /// same events from a minute's counts as from its rows.
    static let filterColumns: FilterSQLColumns = [.service, .severity, .sourceKind, .template]

    /// Whether the table answers a breakdown of `filter` by `dimensions` exactly.
    static func answers(_ filter: FilterSQL, by dimensions: [BreakdownDimension]) -> Bool {
        filter.columns.isSubset(of: filterColumns) && dimensions.allSatisfy(carries)
    }

    static let createSQL = """
        CREATE TABLE event_minute_count (
          minute INTEGER NOT NULL,
          service_key TEXT NOT NULL,
          severity INTEGER NOT NULL,
          template_key INTEGER NOT NULL,
          source_kind TEXT NOT NULL,
          count INTEGER NOT NULL,
          service TEXT GENERATED ALWAYS AS (nullif(service_key, x'')) VIRTUAL,
          template_id INTEGER GENERATED ALWAYS AS (nullif(template_key, 0)) VIRTUAL,
          PRIMARY KEY (minute, service_key, severity, template_key, source_kind)
        ) WITHOUT ROWID;
        \(triggerSQL(event: "DELETE", subtracting: "old", adding: nil))
        \(triggerSQL(event: "UPDATE OF ts, service, severity, template_id, source_kind", subtracting: "old", adding: "new"))
        """

    /// A trigger on `event` that takes the `subtracting` row out of the counts and puts the
    /// `adding` row in; a count that reaches zero is deleted.
    private static func triggerSQL(event: String, subtracting old: String, adding new: String?) -> String {
        let name = new == nil ? "event_minute_count_after_delete" : "event_minute_count_after_update"
        let key = """
            minute = \(MinuteRollup.minuteExpression(of: "\(old).ts")) AND service_key = ifnull(\(old).service, x'') \
            AND severity = \(old).severity AND template_key = ifnull(\(old).template_id, 0) AND source_kind = \(old).source_kind
            """
        let add = new.map { row in
            """
              INSERT INTO event_minute_count (minute, service_key, severity, template_key, source_kind, count)
              VALUES (\(MinuteRollup.minuteExpression(of: "\(row).ts")), ifnull(\(row).service, x''), \(row).severity,
                      ifnull(\(row).template_id, 0), \(row).source_kind, 1)
              ON CONFLICT DO UPDATE SET count = count + 1;
            """
        } ?? ""
        return """
            CREATE TRIGGER \(name) AFTER \(event) ON event BEGIN
              UPDATE event_minute_count SET count = count - 1 WHERE \(key);
              DELETE FROM event_minute_count WHERE \(key) AND count <= 0;
            \(add)
            END;
            """
    }

    static let upsertSQL = """
        INSERT INTO event_minute_count (minute, service_key, severity, template_key, source_kind, count)
        VALUES (?, ifnull(?, x''), ?, ?, ?, ?)
        ON CONFLICT DO UPDATE SET count = count + excluded.count
        """

    /// Adds what one insertion of `events` stored. When every event was stored (the usual
    /// ingest) the counts come from the batch itself; otherwise which events were skipped is
    /// unknown here, and the stored rows (consecutive ids) are read back.
    static func add(_ db: Database, inserted outcome: EventInsertion.Outcome, of events: EncodedEvents, path: String) throws {
        guard let first = outcome.firstID, let last = outcome.lastID else { return }
        guard outcome.duplicates == 0 else {
            try add(db, idsFrom: first, through: last)
            return
        }
        let groups = MinuteCountGroups(events)
        guard !groups.isEmpty else { return }
        let handle = try db.cachedStatement(sql: upsertSQL).sqliteStatement
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        let code = groups.bind(to: handle) { handle in sqlite3_step(handle) }
        guard code == SQLITE_DONE else {
            let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) } ?? "closed"
            throw StoreError.database(operation: "append (minute counts)", path: path, reason: "SQLite error \(code): \(message)")
        }
    }

    /// Adds the events with ids in `first...last`.
    static func add(_ db: Database, idsFrom first: Int64, through last: Int64) throws {
        try db.execute(
            sql: """
                INSERT INTO event_minute_count (minute, service_key, severity, template_key, source_kind, count)
                SELECT \(MinuteRollup.minuteExpression), ifnull(service, x''), severity, ifnull(template_id, 0), source_kind, count(*)
                FROM event WHERE id BETWEEN ? AND ? GROUP BY 1, 2, 3, 4, 5
                ON CONFLICT DO UPDATE SET count = count + excluded.count
                """,
            arguments: [first, last])
    }

    /// How a window is read: its whole minutes from the table, the ragged ends from the rows.
    enum Part: Equatable {
        case rows(Range<Timestamp>)
        case minutes(Range<Int64>)
    }

    /// `window` cut at minute boundaries: the rows before the first whole minute, the whole
    /// minutes, the rows after the last. A window holding no whole minute is read from its rows.
    static func parts(of window: Range<Timestamp>) -> [Part] {
        let size = MinuteRollup.minuteNanoseconds
        let lower = window.lowerBound.nanoseconds
        let upper = window.upperBound.nanoseconds
        let firstMinute = MinuteRollup.floorDivide(lower, size) + (lower % size == 0 ? 0 : 1)
        let endMinute = MinuteRollup.floorDivide(upper, size)
        guard firstMinute < endMinute else { return [.rows(window)] }
        let wholeStart = Timestamp(nanoseconds: firstMinute * size)
        let wholeEnd = Timestamp(nanoseconds: endMinute * size)
        var parts: [Part] = []
        if window.lowerBound < wholeStart { parts.append(.rows(window.lowerBound..<wholeStart)) }
        parts.append(.minutes(firstMinute..<endMinute))
        if wholeEnd < window.upperBound { parts.append(.rows(wholeEnd..<window.upperBound)) }
        return parts
    }
}
