import GRDB
import GRDBSQLite
import InquestCore

/// Inserts events with reused prepared statements and raw `sqlite3_bind_*` calls, which is
/// about twice as fast as binding through GRDB's `StatementArguments` (see PLATFORM.md).
///
/// The statements come from GRDB's per-connection statement cache, so they are prepared once
/// per writer connection and reused across batches. Only this type steps them. Inserting 32
/// rows per statement took 12–20% less CPU than one row per statement on 1M events.
enum EventInsertion {
    static let columnCount: CInt = 19
    /// Rows per multi-row INSERT: amortises the statement's per-step cost (19 × 32 = 608
    /// parameters, far below SQLite's limit). The last `count % 32` rows go one at a time.
    static let rowsPerStatement = 32

    /// The raw record itself is in its block (`raw_block`, see ``RawBlockCodec``); the row's own
    /// `raw` column, which rows stored before blocks existed use, is left empty.
    static func sql(rows: Int) -> String {
        let row = "(" + Array(repeating: "?", count: Int(columnCount)).joined(separator: ", ") + ", x'')"
        return """
            INSERT OR IGNORE INTO event (ts, ts_text, time_quality, source_kind, source_name, severity, level_text,
              service, host, message, trace_id, span_id, request_id, attributes, dedupe_key,
              raw_block, raw_offset, raw_length, template_id, raw)
            VALUES \(Array(repeating: row, count: rows).joined(separator: ", "))
            """
    }

    static let blockSQL = "INSERT INTO raw_block (codec, raw_length, bytes) VALUES (?, ?, ?)"

    static let multiRowSQL = sql(rows: rowsPerStatement)
    static let singleRowSQL = sql(rows: 1)

    /// What inserting one batch did.
    struct Outcome {
        var inserted = 0
        var duplicates = 0
        var firstID: Int64?
        var lastID: Int64?
    }

    /// Inserts flattened events (see ``EncodedEvents``) and their raw blocks in the current
    /// transaction, in order, and adds the new ones to the minute rollup, the per-minute counts
    /// (``MinuteCounts``, ``AttributeCounts``) and the id blocks' time ranges (``IDBlockTimes``); events whose dedupe
    /// key is already stored are skipped, and so are blocks whose events all were.
    ///
    /// New rows get consecutive ids (an INTEGER PRIMARY KEY takes max(id) + 1 and nothing else
    /// writes inside this transaction), so the first id is the last one minus the count.
    static func insert(_ events: EncodedEvents, in db: Database, path: String) throws -> Outcome {
        let outcome = try insertRows(events, in: db, path: path)
        try MinuteRollup.add(db, inserted: outcome, of: events)
        try MinuteCounts.add(db, inserted: outcome, of: events, path: path)
        try AttributeCounts.add(db, inserted: outcome, of: events)
        try IDBlockTimes.add(db, inserted: outcome, of: events)
        return outcome
    }

    private static func insertRows(_ events: EncodedEvents, in db: Database, path: String) throws -> Outcome {
        var outcome = Outcome()
        guard !events.isEmpty else { return outcome }
        guard let connection = db.sqliteConnection else {
            throw StoreError.database(operation: "append", path: path, reason: "the connection is closed")
        }
        let blockIDs = try insertBlocks(events.blocks, in: db, connection: connection, path: path)
        var blockUsed = [Bool](repeating: false, count: blockIDs.count)
        let multiRow = try db.cachedStatement(sql: multiRowSQL).sqliteStatement
        let singleRow = try db.cachedStatement(sql: singleRowSQL).sqliteStatement
        defer {
            for handle in [multiRow, singleRow] {
                sqlite3_reset(handle)
                sqlite3_clear_bindings(handle)
            }
        }
        let arena = events.arena
        let code = arena.bytes.withUnsafeBufferPointer { bytes -> CInt in
            // Never empty: every row has its 16-byte dedupe key.
            guard let base = bytes.baseAddress else { return SQLITE_MISUSE }
            return events.numbers.withUnsafeBufferPointer { numbers -> CInt in
                arena.slices.withUnsafeBufferPointer { slices -> CInt in
                    var index = 0
                    while index < numbers.count {
                        let rows = numbers.count - index >= rowsPerStatement ? rowsPerStatement : 1
                        let handle = rows == 1 ? singleRow : multiRow
                        sqlite3_reset(handle)
                        var code = SQLITE_OK
                        for row in 0..<rows where code == SQLITE_OK {
                            let event = index + row
                            code = bind(
                                numbers[event], blockID: blockIDs[numbers[event].rawBlock],
                                slices: slices, first: event * arenaValuesPerRow,
                                base: base, to: handle, row: row)
                        }
                        // The arena's bytes stay pinned while SQLite reads the bound values here.
                        if code == SQLITE_OK { code = sqlite3_step(handle) }
                        guard code == SQLITE_DONE else { return code }
                        let changes = Int(sqlite3_changes(connection))
                        outcome.inserted += changes
                        // Which rows of a partly stored statement were new is unknown: keep
                        // every block it touched (at worst a block keeps a few unused records).
                        if changes > 0 {
                            for event in index..<(index + rows) { blockUsed[numbers[event].rawBlock] = true }
                        }
                        index += rows
                    }
                    return SQLITE_DONE
                }
            }
        }
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(connection))
            throw StoreError.database(
                operation: "append (\(events.firstEventDescription ?? "\(events.count) events"))",
                path: path, reason: "SQLite error \(code): \(message)")
        }
        outcome.duplicates = events.count - outcome.inserted
        let unused = zip(blockIDs, blockUsed).filter { !$0.1 }.map(\.0)
        if !unused.isEmpty {
            try db.execute(
                sql: "DELETE FROM raw_block WHERE id IN (\(databaseQuestionMarks(count: unused.count)))",
                arguments: StatementArguments(unused))
        }
        if outcome.inserted > 0 {
            let lastID = sqlite3_last_insert_rowid(connection)
            outcome.lastID = lastID
            outcome.firstID = lastID - Int64(outcome.inserted) + 1
        }
        return outcome
    }

    /// Inserts the batch's raw blocks and returns their ids, in order.
    private static func insertBlocks(
        _ blocks: [EncodedEvents.RawBlock], in db: Database, connection: OpaquePointer, path: String
    ) throws -> [Int64] {
        guard !blocks.isEmpty else { return [] }
        let handle = try db.cachedStatement(sql: blockSQL).sqliteStatement
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        var ids: [Int64] = []
        ids.reserveCapacity(blocks.count)
        for block in blocks {
            sqlite3_reset(handle)
            let code = block.frame.withUnsafeBytes { frame -> CInt in
                var code = sqlite3_bind_int64(handle, 1, block.codec)
                if code == SQLITE_OK { code = sqlite3_bind_int64(handle, 2, Int64(block.rawLength)) }
                // A zero-length blob from a nil pointer would be NULL: bind an empty one explicitly.
                if code == SQLITE_OK {
                    if frame.isEmpty {
                        code = sqlite3_bind_zeroblob(handle, 3, 0)
                    } else if let length = CInt(exactly: frame.count) {
                        code = sqlite3_bind_blob(handle, 3, frame.baseAddress, length, BindingArena.staticValue)
                    } else {
                        code = SQLITE_TOOBIG
                    }
                }
                return code == SQLITE_OK ? sqlite3_step(handle) : code
            }
            guard code == SQLITE_DONE else {
                throw StoreError.database(
                    operation: "append (raw block of \(block.rawLength) bytes)", path: path,
                    reason: "SQLite error \(code): \(String(cString: sqlite3_errmsg(connection)))")
            }
            ids.append(sqlite3_last_insert_rowid(connection))
        }
        return ids
    }

    /// The text and blob columns of one row, in the order ``bind(_:blockID:slices:first:base:to:row:)``
    /// reads them (see ``EncodedEvents``).
    static let arenaValuesPerRow = 12

    /// Binds every column of row `row` of the statement: numbers from `numbers`, text and blobs
    /// from the arena (pinned at `base`), starting at its value `first`, and the id of the
    /// event's raw block. Returns the first non-OK SQLite code, or SQLITE_OK.
    private static func bind(
        _ numbers: EncodedEvents.Numbers, blockID: Int64, slices: UnsafeBufferPointer<BindingArena.Slice>, first: Int,
        base: UnsafePointer<UInt8>, to handle: OpaquePointer, row: Int
    ) -> CInt {
        let offset = CInt(row) * columnCount
        var result = SQLITE_OK
        func check(_ code: CInt) {
            if code != SQLITE_OK && result == SQLITE_OK { result = code }
        }
        func text(_ value: Int, _ column: CInt) {
            let slice = slices[first + value]
            if slice.length < 0 {
                check(sqlite3_bind_null(handle, offset + column))
            } else {
                let pointer = UnsafeRawPointer(base + slice.offset).assumingMemoryBound(to: CChar.self)
                check(sqlite3_bind_text(handle, offset + column, pointer, slice.length, BindingArena.staticValue))
            }
        }
        func blob(_ value: Int, _ column: CInt) {
            let slice = slices[first + value]
            check(sqlite3_bind_blob(handle, offset + column, base + slice.offset, slice.length, BindingArena.staticValue))
        }
        check(sqlite3_bind_int64(handle, offset + 1, numbers.timestamp))
        text(0, 2)
        check(sqlite3_bind_int64(handle, offset + 3, numbers.timeQuality))
        text(1, 4)
        text(2, 5)
        check(sqlite3_bind_int64(handle, offset + 6, numbers.severity))
        for (value, column) in zip(3...9, CInt(7)...CInt(13)) { text(value, column) }
        text(10, 14)
        blob(11, 15)
        check(sqlite3_bind_int64(handle, offset + 16, blockID))
        check(sqlite3_bind_int64(handle, offset + 17, Int64(numbers.rawOffset)))
        check(sqlite3_bind_int64(handle, offset + 18, Int64(numbers.rawLength)))
        if numbers.templateID == EncodedEvents.noTemplate {
            check(sqlite3_bind_null(handle, offset + 19))
        } else {
            check(sqlite3_bind_int64(handle, offset + 19, numbers.templateID))
        }
        return result
    }
}
