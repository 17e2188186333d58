import GRDB
import InquestCore

extension InquestStore {
    /// Up to `limit` matching events next to `anchor`, in ascending (time, id) order, with
    /// their stars, tags and investigation links. Pages with keyset pagination over the
    /// `event_by_time` index; never reads the whole table. A cancelled `cancellation` stops the
    /// read (``StoreError/interrupted(operation:)``).
    public func window(_ filter: FilterSQL, anchor: WindowAnchor, limit: Int, cancellation: QueryCancellation? = nil) throws -> [EventSummary] {
        guard limit > 0 else { return [] }
        try prepare(filter)
        return try read("reading a window of events", cancellation: cancellation) { db in
            var summaries = try IDOrderedMatchesWindow(filter: filter, anchor: anchor, limit: limit).read(db)
                ?? Self.plannedWindow(filter, anchor: anchor, limit: limit, db)
            try Self.decorate(&summaries, db)
            return summaries
        }
    }

    /// The window read by ``plan(_:_:)``: walking the time index, or from a small match set.
    static func plannedWindow(_ filter: FilterSQL, anchor: WindowAnchor, limit: Int, _ db: Database) throws -> [EventSummary] {
        let plan = try Self.plan(filter, db)
        let query = WindowQuery(filter: plan.filter, anchor: anchor, limit: limit, walkTimeIndex: plan.walkTimeIndex)
        let summaries = try Row.fetchAll(db, sql: query.sql, arguments: query.arguments).map(EventSummary.init(row:))
        return query.descending ? summaries.reversed() : summaries
    }

    /// Free-text filters matching at most this many events are read from their match set.
    static let smallMatchSet = 10_000

    /// How a filter is read: by walking the time index, or from the matches of its driving
    /// full-text query (see ``FilterSQL/restricted(toMatches:)``).
    struct FilterPlan {
        var filter: FilterSQL
        var walkTimeIndex: Bool
    }

    /// Walking the time index costs about (page size × events ÷ matches) steps; looking up and
    /// sorting the matches costs about (matches). For a filter whose results all match one FTS
    /// query, read that query's matches up to ``smallMatchSet`` (a few ms) and decide; when they
    /// are few, the same ids drive the query, so the index is read once.
    /// On 1M events a rare phrase went from 46 to 9 ms; frequent words keep the index walk.
    static func plan(_ filter: FilterSQL, _ db: Database) throws -> FilterPlan {
        guard let query = filter.drivingFullTextQuery else { return FilterPlan(filter: filter, walkTimeIndex: true) }
        // Counted and listed inside SQLite in one pass: fetching 10,001 ids row by row into Swift
        // cost ~4 ms more than counting them, which every frequent word paid before walking.
        let row = try Row.fetchOne(
            db,
            sql: "SELECT count(*), json_group_array(rowid) FROM (SELECT rowid FROM fts.event_fts WHERE event_fts MATCH ? LIMIT ?)",
            arguments: [query, smallMatchSet + 1])
        guard let row, let count = row[0] as Int?, count <= smallMatchSet, let ids = row[1] as String? else {
            return FilterPlan(filter: filter, walkTimeIndex: true)
        }
        return FilterPlan(filter: filter.restricted(toMatches: ids), walkTimeIndex: false)
    }

    /// The full event (raw bytes and attributes included), or nil.
    public func event(id: Int64) throws -> Event? {
        try wrap("reading event \(id)") {
            try writer.read { db in
                try [Event](
                    rows: Row.fetchAll(db, sql: "SELECT \(Event.selection) FROM event WHERE id = ?", arguments: [id]), in: db
                ).first
            }
        }
    }

    /// Number of matching events.
    public func count(_ filter: FilterSQL) throws -> Int {
        try prepare(filter)
        return try wrap("counting events") {
            try writer.read { db in try Self.count(planned: Self.plan(filter, db).filter, db) }
        }
    }

    /// The number of matching events and the times of the first and last, in one read that
    /// plans the filter once.
    ///
    /// With a small full-text match set (see ``plan(_:_:)``) one query over those ids gives all
    /// three; otherwise the times are read at both ends of the time index (an aggregate over
    /// the whole index costs ~5× a count on 1M events). A cancelled `cancellation` stops the read.
    public func extent(_ filter: FilterSQL, cancellation: QueryCancellation? = nil) throws -> FilterExtent {
        try prepare(filter)
        return try read("counting events and their time range", cancellation: cancellation) { db in
            let plan = try Self.plan(filter, db)
            let counted = plan.filter
            guard plan.walkTimeIndex else {
                let row = try Row.fetchOne(
                    db, sql: "SELECT count(*), min(event.ts), max(event.ts) FROM event WHERE \(counted.condition)",
                    arguments: counted.statementArguments())
                return FilterExtent(count: row?[0] ?? 0, first: row?[1], last: row?[2])
            }
            let count = try Self.count(planned: counted, db)
            guard count > 0 else { return FilterExtent(count: 0, timeRange: nil) }
            let base = "SELECT event.ts FROM event WHERE \(filter.condition) ORDER BY event.ts"
            return FilterExtent(
                count: count,
                first: try Int64.fetchOne(db, sql: "\(base) LIMIT 1", arguments: filter.statementArguments()),
                last: try Int64.fetchOne(db, sql: "\(base) DESC LIMIT 1", arguments: filter.statementArguments()))
        }
    }

    /// The number of events a planned filter (``plan(_:_:)``) matches.
    static func count(planned filter: FilterSQL, _ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT count(*) FROM event WHERE \(filter.condition)", arguments: filter.statementArguments()) ?? 0
    }

    /// How many matching events come before `cursor` in (time, id) order: the scrollbar position.
    public func position(of cursor: EventCursor, in filter: FilterSQL) throws -> Int {
        try prepare(filter)
        return try wrap("locating an event") {
            try writer.read { db in
                let ts = cursor.timestamp.nanoseconds
                let counted = try Self.plan(filter, db).filter
                return try Int.fetchOne(
                    db,
                    sql: "SELECT count(*) FROM event WHERE \(counted.condition) AND event.ts <= ? AND (event.ts < ? OR event.id < ?)",
                    arguments: counted.statementArguments([ts, ts, cursor.id])) ?? 0
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
