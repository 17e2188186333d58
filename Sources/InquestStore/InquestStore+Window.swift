import GRDB
import InquestCore

extension InquestStore {
    /// Up to `limit` matching events next to `anchor`, in ascending (time, id) order, with
    /// their stars, tags and investigation links. Pages with keyset pagination over the
    /// `event_by_time` index; never reads the whole table.
    public func window(_ filter: FilterSQL, anchor: WindowAnchor, limit: Int) throws -> [EventSummary] {
        guard limit > 0 else { return [] }
        try prepare(filter)
        return try wrap("reading a window of events") {
            try writer.read { db in
                let walk = try Self.shouldWalkTimeIndex(filter, db)
                let query = WindowQuery(filter: walk ? filter : filter.drivenByFullText, anchor: anchor, limit: limit, walkTimeIndex: walk)
                var summaries = try Row.fetchAll(db, sql: query.sql, arguments: query.arguments)
                    .map(EventSummary.init(row:))
                if query.descending { summaries.reverse() }
                try Self.decorate(&summaries, db)
                return summaries
            }
        }
    }

    /// Free-text filters matching at most this many events are read from their match set.
    static let smallMatchSet = 10_000

    /// Walking the time index costs about (page size × events ÷ matches) steps; looking up and
    /// sorting the matches costs about (matches). For a filter whose results all match one FTS
    /// query, count that query's matches up to ``smallMatchSet`` (a few ms) and decide.
    /// On 1M events a rare phrase went from 46 to 9 ms; frequent words keep the index walk.
    static func shouldWalkTimeIndex(_ filter: FilterSQL, _ db: Database) throws -> Bool {
        guard let query = filter.drivingFullTextQuery else { return true }
        let matches = try Int.fetchOne(
            db,
            sql: "SELECT count(*) FROM (SELECT rowid FROM fts.event_fts WHERE event_fts MATCH ? LIMIT ?)",
            arguments: [query, smallMatchSet + 1]) ?? 0
        return matches > smallMatchSet
    }

    /// The full event (raw bytes and attributes included), or nil.
    public func event(id: Int64) throws -> Event? {
        try wrap("reading event \(id)") {
            try writer.read { db in
                try Row.fetchOne(db, sql: "SELECT \(Event.selection) FROM event WHERE id = ?", arguments: [id])
                    .map(Event.init(row:))
            }
        }
    }

    /// Number of matching events.
    public func count(_ filter: FilterSQL) throws -> Int {
        try prepare(filter)
        return try wrap("counting events") {
            try writer.read { db in
                let counted = try Self.shouldWalkTimeIndex(filter, db) ? filter : filter.drivenByFullText
                return try Int.fetchOne(db, sql: "SELECT count(*) FROM event WHERE \(counted.condition)",
                                        arguments: counted.statementArguments()) ?? 0
            }
        }
    }

    /// Times of the first and last matching events (read at both ends of the time index), or nil when none match.
    public func timeRange(_ filter: FilterSQL) throws -> ClosedRange<Timestamp>? {
        try prepare(filter)
        return try wrap("reading the time range") {
            try writer.read { db in
                let base = "SELECT event.ts FROM event WHERE \(filter.condition) ORDER BY event.ts"
                guard
                    let first = try Int64.fetchOne(db, sql: "\(base) LIMIT 1", arguments: filter.statementArguments()),
                    let last = try Int64.fetchOne(db, sql: "\(base) DESC LIMIT 1", arguments: filter.statementArguments())
                else { return nil }
                return Timestamp(nanoseconds: first)...Timestamp(nanoseconds: max(first, last))
            }
        }
    }

    /// How many matching events come before `cursor` in (time, id) order: the scrollbar position.
    public func position(of cursor: EventCursor, in filter: FilterSQL) throws -> Int {
        try prepare(filter)
        return try wrap("locating an event") {
            try writer.read { db in
                let ts = cursor.timestamp.nanoseconds
                return try Int.fetchOne(
                    db,
                    sql: "SELECT count(*) FROM event WHERE \(filter.condition) AND event.ts <= ? AND (event.ts < ? OR event.id < ?)",
                    arguments: filter.statementArguments([ts, ts, cursor.id])) ?? 0
            }
        }
    }

    /// Fills stars, tags and links of `summaries` with small queries keyed by their ids.
    static func decorate(_ summaries: inout [EventSummary], _ db: Database) throws {
        guard !summaries.isEmpty else { return }
        var indexByID: [Int64: Int] = [:]
        for (index, summary) in summaries.enumerated() { indexByID[summary.id] = index }
        let ids = summaries.map(\.id)
        for chunkStart in stride(from: 0, to: ids.count, by: 500) {
            let chunk = Array(ids[chunkStart..<min(ids.count, chunkStart + 500)])
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let arguments = StatementArguments(chunk)
            for id in try Int64.fetchAll(db, sql: "SELECT event_id FROM star WHERE event_id IN (\(marks))", arguments: arguments) {
                if let index = indexByID[id] { summaries[index].isStarred = true }
            }
            let tagRows = try Row.fetchAll(
                db, sql: "SELECT event_id, tag FROM event_tag WHERE event_id IN (\(marks)) ORDER BY event_id, tag",
                arguments: arguments)
            for row in tagRows {
                if let index = indexByID[row["event_id"]] { summaries[index].tags.append(row["tag"]) }
            }
            let linkRows = try Row.fetchAll(
                db,
                sql: "SELECT event_id, investigation_id FROM event_link WHERE event_id IN (\(marks)) ORDER BY event_id, investigation_id",
                arguments: arguments)
            for row in linkRows {
                if let index = indexByID[row["event_id"]] { summaries[index].linkedInvestigationIDs.append(row["investigation_id"]) }
            }
        }
    }
}
