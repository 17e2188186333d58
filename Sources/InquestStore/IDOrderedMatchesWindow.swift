import GRDB
import InquestCore

/// A window of a full-text filter read from the matches nearest the anchor in id order, when
/// the ids' time ranges (``IDBlockTimes``) prove that no other match can belong in it.
///
/// A file is stored in order, so ids mostly follow time. For the newest window this reads the
/// `n` highest-id matches of the filter's full-text query (FTS5 reads a doclist backwards
/// cheaply), takes the `limit` latest of those that pass the whole filter, and checks that
/// every event with a lower id than the lowest read is no later than the last of them; then
/// no match left unread can be in the window, and it is exact. Older windows (`before` a
/// cursor) first skip the id blocks whose events are all later than the cursor; ascending
/// windows mirror all of it.
///
/// Why: a frequent word's window otherwise walks the time index and tests each event against
/// the whole match set, which it must first read (`timeout`: 28,916 matches on 1M bench
/// events, ~10 ms a page), and a rarer one reads and sorts all its matches. When the proof
/// fails (files stored one after another that cover the same hours), the caller reads the
/// window the usual way, after one or two cheap tries.
struct IDOrderedMatchesWindow {
    /// Matches read per try, in turn.
    static let candidates = [256, 4_096]

    let filter: FilterSQL
    let anchor: WindowAnchor
    let limit: Int

    private var descending: Bool {
        switch anchor {
        case .newest, .before: true
        case .oldest, .atOrAfter, .after: false
        }
    }

    /// The window, or nil when it cannot be proved from the id order (read it the usual way).
    func read(_ db: Database) throws -> [EventSummary]? {
        guard let query = filter.drivingFullTextQuery, limit > 0, try IDBlockTimes.coversNewest(db) else { return nil }
        let edge = try idEdge(db)
        for count in Self.candidates {
            let ids = try Row.fetchOne(
                db,
                sql: """
                    SELECT json_group_array(rowid), count(*), min(rowid), max(rowid) FROM
                    (SELECT rowid FROM fts.event_fts WHERE event_fts MATCH ? AND rowid \(descending ? "<" : ">") ?
                     ORDER BY rowid \(descending ? "DESC" : "ASC") LIMIT ?)
                    """,
                arguments: [query, edge, count])
            guard let ids, let json = ids[0] as String?, let found = ids[1] as Int? else { return nil }
            let window = WindowQuery(filter: filter.restricted(toMatches: json), anchor: anchor, limit: limit, walkTimeIndex: false)
            let rows = try Row.fetchAll(db, sql: window.sql, arguments: window.arguments).map(EventSummary.init(row:))
            // Every match beyond the edge was read: the window is what it holds, however short.
            if found < count { return window.descending ? rows.reversed() : rows }
            guard rows.count == limit, let last = rows.last else { continue }  // too few passed the filter: read more
            let proved: Bool
            if descending {
                let lowest: Int64 = ids[2] ?? 0
                proved = try IDBlockTimes.latestTime(below: lowest, db).map { $0 <= last.timestamp.nanoseconds } ?? true
            } else {
                let highest: Int64 = ids[3] ?? 0
                proved = try IDBlockTimes.earliestTime(above: highest, db).map { $0 >= last.timestamp.nanoseconds } ?? true
            }
            // A failed proof means ids do not follow time here; reading more would rarely help.
            return proved ? (window.descending ? rows.reversed() : rows) : nil
        }
        return nil
    }

    /// The id past which every event lies outside the window's side of the anchor, found from
    /// whole id blocks: for a descending window, the start of the lowest block of a run of top
    /// blocks whose events are all later than the cursor (their matches cannot be in it); for
    /// an ascending one, the end of the highest block of a bottom run all earlier than it.
    private func idEdge(_ db: Database) throws -> Int64 {
        switch anchor {
        case .newest:
            return Int64.max
        case .oldest:
            return Int64.min
        case let .before(cursor):
            // The lowest block from which every block up is later than the cursor.
            let block = try Int64.fetchOne(
                db, sql: "SELECT max(block) FROM event_id_block WHERE min_ts <= ?", arguments: [cursor.timestamp.nanoseconds])
            return block.map { ($0 + 1) << IDBlockTimes.shift } ?? Int64.min
        case let .after(cursor):
            let block = try Int64.fetchOne(
                db, sql: "SELECT min(block) FROM event_id_block WHERE max_ts >= ?", arguments: [cursor.timestamp.nanoseconds])
            return block.map { ($0 << IDBlockTimes.shift) - 1 } ?? Int64.max
        case let .atOrAfter(time):
            let block = try Int64.fetchOne(
                db, sql: "SELECT min(block) FROM event_id_block WHERE max_ts >= ?", arguments: [time.nanoseconds])
            return block.map { ($0 << IDBlockTimes.shift) - 1 } ?? Int64.max
        }
    }
}
