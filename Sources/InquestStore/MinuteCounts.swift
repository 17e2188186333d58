import GRDB
import GRDBSQLite
import InquestCore

/// A per-minute count table: event counts per ten UTC minutes (``bucketMinutes``; the `minute`
/// key is the first minute of the ten) and a tuple of keys
/// (``MinuteCountKey``), which breakdowns read for the whole minutes of their window instead of
/// one row per event (see `InquestStore.groupCounts`). Two are kept:
/// - ``byTemplate`` (`event_minute_count`): service, severity, stored template, source kind;
/// - ``byHost`` (`event_minute_host_count`): host, service, severity, source kind.
///
/// Appends add what they stored in the same transaction (``EventInsertion`` is the one insert
/// path); triggers subtract what a delete removes or an update moves, so any future path that
/// drops or rewrites events keeps the counts exact without costing the append anything. Templates
/// are kept as stored: a merge is folded at read time, as it is for the rows.
///
/// Hosts get their own table rather than a key of the first: on `gen_events.py` data (500k
/// events over a day, 1–10 events per (minute, template, host)) adding the host to the template
/// table took it from 226k to 438k rows, nearly one per event, and every breakdown by service or
/// template would read them all.
struct MinuteCounts: Sendable {
    /// The minutes one count covers. A count per minute costs the append about one upsert per
    /// event on sparse data (`gen_events.py`'s 500k events over a day: 497k rows in the two
    /// tables); per ten minutes 132k (per hour 38k), while a window's ragged ends, read from the
    /// rows, stay under ten minutes each.
    static let bucketMinutes: Int64 = 10
    static let bucketNanoseconds = bucketMinutes * MinuteRollup.minuteNanoseconds

    /// The `minute` key of the time `nanoseconds`: the first minute of its bucket.
    static func bucketMinute(of nanoseconds: Int64) -> Int64 {
        MinuteRollup.floorDivide(nanoseconds, bucketNanoseconds) * bucketMinutes
    }

    /// SQL for ``bucketMinute(of:)`` of the time in `column` (also right before 1970).
    static func bucketExpression(of column: String) -> String {
        "((CASE WHEN \(column) >= 0 THEN \(column) / \(bucketNanoseconds) ELSE (\(column) + 1) / \(bucketNanoseconds) - 1 END) * \(bucketMinutes))"
    }

    let table: String
    /// The key columns after the minute, in primary-key order.
    let keys: [MinuteCountKey]

    static let byTemplate = MinuteCounts(table: "event_minute_count", keys: [.service, .severity, .template, .sourceKind])
    static let byHost = MinuteCounts(table: "event_minute_host_count", keys: [.host, .service, .severity, .sourceKind])
    /// By file (migration `v24-minute-file-counts`): a breakdown by file, alone or beside service,
    /// severity and source kind. A batch holds few files, so this adds few groups an append.
    static let byFile = MinuteCounts(table: "event_minute_file_count", keys: [.sourceName, .service, .severity, .sourceKind])
    static let all = [byTemplate, byHost, byFile]
    /// The tables migration `v19-minute-counts` made.
    static let first = [byTemplate, byHost]

    /// The first table that answers a breakdown of `filter` by `dimensions` exactly, if any.
    static func answering(_ filter: FilterSQL, by dimensions: [BreakdownDimension]) -> MinuteCounts? {
        all.first { $0.answers(filter, by: dimensions) }
    }

    /// Whether the table answers a breakdown of `filter` by `dimensions` exactly: the filter reads
    /// only fields the table keys (so it selects exactly the same events from a minute's counts as
    /// from its rows) and it keys every dimension.
    func answers(_ filter: FilterSQL, by dimensions: [BreakdownDimension]) -> Bool {
        let columns = keys.reduce(into: FilterSQLColumns()) { $0.formUnion($1.filterColumns) }
        return filter.columns.isSubset(of: columns) && dimensions.allSatisfy { dimension in keys.contains { $0.dimension == dimension } }
    }

    var createSQL: String {
        let definitions = keys.map(\.definitions)
        let columns = ["minute INTEGER NOT NULL"] + definitions.map(\.key) + ["count INTEGER NOT NULL"] + definitions.compactMap(\.generated)
        let updated = (["ts"] + keys.map(\.eventColumn)).joined(separator: ", ")
        return """
            CREATE TABLE \(table) (
              \(columns.joined(separator: ",\n  ")),
              PRIMARY KEY (\(keyColumns))
            ) WITHOUT ROWID;
            \(triggerSQL(event: "DELETE", subtracting: "old", adding: nil))
            \(triggerSQL(event: "UPDATE OF \(updated)", subtracting: "old", adding: "new"))
            """
    }

    /// "minute, ..." : the primary key's columns.
    private var keyColumns: String { (["minute"] + keys.map(\.keyColumn)).joined(separator: ", ") }

    /// The key values of the event row `row` (`old`, `new`, or the table itself).
    private func keyValues(of row: String?) -> [String] {
        let prefix = row.map { "\($0)." } ?? ""
        return [Self.bucketExpression(of: "\(prefix)ts")] + keys.map { $0.stored("\(prefix)\($0.eventColumn)") }
    }

    /// A trigger on `event` that takes the `subtracting` row out of the counts and puts the
    /// `adding` row in; a count that reaches zero is deleted.
    private func triggerSQL(event: String, subtracting old: String, adding new: String?) -> String {
        let name = "\(table)_after_\(new == nil ? "delete" : "update")"
        let key = zip(keyColumns.components(separatedBy: ", "), keyValues(of: old)).map { "\($0) = \($1)" }.joined(separator: " AND ")
        let add = new.map { row in
            """
              INSERT INTO \(table) (\(keyColumns), count) VALUES (\(keyValues(of: row).joined(separator: ", ")), 1)
              ON CONFLICT DO UPDATE SET count = count + 1;
            """
        } ?? ""
        return """
            CREATE TRIGGER \(name) AFTER \(event) ON event BEGIN
              UPDATE \(table) SET count = count - 1 WHERE \(key);
              DELETE FROM \(table) WHERE \(key) AND count <= 0;
            \(add)
            END;
            """
    }

    /// Adds one group: the minute, each key's value (as ``MinuteCountGroups`` binds them), the count.
    var upsertSQL: String {
        let values = ["?"] + keys.map { $0.stored("?") } + ["?"]
        return """
            INSERT INTO \(table) (\(keyColumns), count) VALUES (\(values.joined(separator: ", ")))
            ON CONFLICT DO UPDATE SET count = count + excluded.count
            """
    }

    /// Adds what one insertion of `events` stored to every table. When every event was stored
    /// (the usual ingest) the counts come from the batch itself, grouped for all tables in one
    /// pass; otherwise which events were skipped is unknown here, and the stored rows
    /// (consecutive ids) are read back.
    static func add(_ db: Database, inserted outcome: EventInsertion.Outcome, of events: EncodedEvents, path: String) throws {
        guard let first = outcome.firstID, let last = outcome.lastID else { return }
        guard outcome.duplicates == 0 else {
            for counts in all { try counts.add(db, idsFrom: first, through: last) }
            return
        }
        // Tables without a template key were grouped where the events were flattened.
        let missing = all.filter { events.minuteCountGroups[$0.keys] == nil }
        var groups = events.minuteCountGroups
        for (counts, grouped) in zip(missing, MinuteCountGroups.grouping(events, by: missing.map(\.keys))) { groups[counts.keys] = grouped }
        for counts in all {
            if let grouped = groups[counts.keys] { try counts.write(grouped, arena: events.arena, db, path: path) }
        }
    }

    /// Upserts `groups` (grouped by this table's keys).
    private func write(_ groups: MinuteCountGroups, arena: BindingArena, _ db: Database, path: String) throws {
        guard !groups.isEmpty else { return }
        let handle = try db.cachedStatement(sql: upsertSQL).sqliteStatement
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        let code = groups.bind(to: handle, arena: arena) { handle in sqlite3_step(handle) }
        guard code == SQLITE_DONE else {
            let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) } ?? "closed"
            throw StoreError.database(operation: "append (\(table))", path: path, reason: "SQLite error \(code): \(message)")
        }
    }

    /// Adds the events with ids in `first...last`.
    func add(_ db: Database, idsFrom first: Int64, through last: Int64) throws {
        let grouped = (1...(keys.count + 1)).map(String.init).joined(separator: ", ")
        try db.execute(
            sql: """
                INSERT INTO \(table) (\(keyColumns), count)
                SELECT \(keyValues(of: nil).joined(separator: ", ")), count(*)
                FROM event WHERE id BETWEEN ? AND ? GROUP BY \(grouped)
                ON CONFLICT DO UPDATE SET count = count + excluded.count
                """,
            arguments: [first, last])
    }

    /// How a window is read: its whole buckets from the table, the ragged ends from the rows.
    enum Part: Equatable {
        case rows(Range<Timestamp>)
        /// The buckets whose first minutes are in the range (minute numbers since 1970).
        case minutes(Range<Int64>)
    }

    /// `window` cut at bucket boundaries: the rows before the first whole bucket, the whole
    /// buckets, the rows after the last. A window holding no whole bucket is read from its rows.
    static func parts(of window: Range<Timestamp>) -> [Part] {
        let size = bucketNanoseconds
        let lower = window.lowerBound.nanoseconds
        let upper = window.upperBound.nanoseconds
        let firstBucket = MinuteRollup.floorDivide(lower, size) + (lower % size == 0 ? 0 : 1)
        let endBucket = MinuteRollup.floorDivide(upper, size)
        guard firstBucket < endBucket else { return [.rows(window)] }
        let wholeStart = Timestamp(nanoseconds: firstBucket * size)
        let wholeEnd = Timestamp(nanoseconds: endBucket * size)
        var parts: [Part] = []
        if window.lowerBound < wholeStart { parts.append(.rows(window.lowerBound..<wholeStart)) }
        parts.append(.minutes((firstBucket * bucketMinutes)..<(endBucket * bucketMinutes)))
        if wholeEnd < window.upperBound { parts.append(.rows(wholeEnd..<window.upperBound)) }
        return parts
    }
}
