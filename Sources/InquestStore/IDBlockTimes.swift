import GRDB
import InquestCore

/// The `event_id_block` table: for every block of 4,096 consecutive event ids, the earliest and
/// latest time of its events. It tells how far a range of ids can reach in time, which lets a
/// window of a full-text filter be read from the matches with the highest (or lowest) ids and
/// proved complete (see ``IDOrderedMatchesWindow``).
///
/// Appends keep it in the same transaction (all events are written by ``EventInsertion``; no
/// event is ever deleted or moved), and the `v15-id-block-times` migration fills it for events
/// stored before. A block's range may be wider than its events' (never narrower), which only
/// makes the proof fail more often, never wrongly succeed.
enum IDBlockTimes {
    /// Ids per block, as a shift: `id >> shift` is the block.
    static let shift: Int64 = 12

    static let upsertSQL = """
        INSERT INTO event_id_block (block, min_ts, max_ts) VALUES (?, ?, ?)
        ON CONFLICT (block) DO UPDATE SET min_ts = min(min_ts, excluded.min_ts), max_ts = max(max_ts, excluded.max_ts)
        """

    /// Adds what one insertion of `events` stored. When every event was stored their ids are
    /// consecutive in order, so the times come from the batch; otherwise which events were
    /// skipped is unknown here, and the stored rows are read back.
    static func add(_ db: Database, inserted outcome: EventInsertion.Outcome, of events: EncodedEvents) throws {
        guard let first = outcome.firstID, let last = outcome.lastID else { return }
        guard outcome.duplicates == 0 else {
            try add(db, idsFrom: first, through: last)
            return
        }
        var ranges: [Int64: (min: Int64, max: Int64)] = [:]
        for (offset, numbers) in events.numbers.enumerated() {
            let block = (first + Int64(offset)) >> shift
            let ts = numbers.timestamp
            if let range = ranges[block] {
                ranges[block] = (Swift.min(range.min, ts), Swift.max(range.max, ts))
            } else {
                ranges[block] = (ts, ts)
            }
        }
        let statement = try db.cachedStatement(sql: upsertSQL)
        for (block, range) in ranges {
            try statement.execute(arguments: [block, range.min, range.max])
        }
    }

    /// Adds the events with ids in `first...last`.
    static func add(_ db: Database, idsFrom first: Int64, through last: Int64) throws {
        try db.execute(
            sql: """
                INSERT INTO event_id_block (block, min_ts, max_ts)
                SELECT id >> \(shift), min(ts), max(ts) FROM event WHERE id BETWEEN ? AND ? GROUP BY 1
                ON CONFLICT (block) DO UPDATE SET min_ts = min(min_ts, excluded.min_ts), max_ts = max(max_ts, excluded.max_ts)
                """,
            arguments: [first, last])
    }

    /// The latest time of the events with ids below `id`, or nil when there are none: the
    /// blocks wholly below it, then the rows of its own block before it.
    static func latestTime(below id: Int64, _ db: Database) throws -> Int64? {
        let block = id >> shift
        let whole = try Int64.fetchOne(db, sql: "SELECT max(max_ts) FROM event_id_block WHERE block < ?", arguments: [block])
        let partial = try Int64.fetchOne(
            db, sql: "SELECT max(ts) FROM event WHERE id >= ? AND id < ?", arguments: [block << shift, id])
        return [whole, partial].compactMap { $0 }.max()
    }

    /// The earliest time of the events with ids above `id`, or nil when there are none.
    static func earliestTime(above id: Int64, _ db: Database) throws -> Int64? {
        let block = id >> shift
        let whole = try Int64.fetchOne(db, sql: "SELECT min(min_ts) FROM event_id_block WHERE block > ?", arguments: [block])
        let partial = try Int64.fetchOne(
            db, sql: "SELECT min(ts) FROM event WHERE id > ? AND id < ?", arguments: [id, (block + 1) << shift])
        return [whole, partial].compactMap { $0 }.min()
    }

    /// Whether the table covers the newest event (rows written into `event` by plain SQL, outside
    /// the store, would not be in it; then it must not be trusted).
    static func coversNewest(_ db: Database) throws -> Bool {
        let newest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM event")
        guard let newest else { return true }
        let covered = try Int64.fetchOne(db, sql: "SELECT max(block) FROM event_id_block")
        return covered.map { $0 >= newest >> shift } ?? false
    }
}
