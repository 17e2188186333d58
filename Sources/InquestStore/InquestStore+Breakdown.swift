import GRDB
import InquestCore

extension InquestStore {
    /// The events of `window` matching `filter`, counted per group of `dimensions` (the tuple
    /// of their values when there are several), largest groups first, at most `limit` rows.
    /// Log templates are grouped as they read now: an absorbed template counts as the one it joined.
    public func breakdown(
        _ filter: FilterSQL, by dimensions: [BreakdownDimension], in window: Range<Timestamp>, limit: Int = 1_000,
        reading: BreakdownReading = .minuteCountsWhereExact, cancellation: QueryCancellation? = nil
    ) throws -> Breakdown {
        let counts = try groupCounts(filter, by: dimensions, in: [window], reading: reading, cancellation: cancellation)
        return Breakdown(dimensions: dimensions, window: window, counts: counts[0], limit: limit)
    }

    /// The breakdown of `window` against the same breakdown of `baseline` (by default the
    /// window of equal length just before it), sorted by change (see ``BreakdownComparison``).
    public func comparison(
        _ filter: FilterSQL, by dimensions: [BreakdownDimension], in window: Range<Timestamp>,
        baseline: Range<Timestamp>? = nil, limit: Int = 1_000, reading: BreakdownReading = .minuteCountsWhereExact,
        cancellation: QueryCancellation? = nil
    ) throws -> BreakdownComparison {
        let baselineWindow = baseline ?? BreakdownComparison.defaultBaseline(before: window)
        let counts = try groupCounts(filter, by: dimensions, in: [window, baselineWindow], reading: reading, cancellation: cancellation)
        return BreakdownComparison(
            dimensions: dimensions, window: window, baselineWindow: baselineWindow,
            windowCounts: counts[0], baselineCounts: counts[1], limit: limit)
    }

    /// Group counts for each window, read in one snapshot (so a compare never mixes two states
    /// of a store being written). When the per-minute counts answer the filter and dimensions
    /// (``MinuteCounts/answering(_:by:)``, or ``AttributeCounts/answeringKey(_:by:)`` for an
    /// attribute key) and `reading` allows, a window's whole minutes are read from them and only
    /// its ragged ends (and buckets where the attribute's counts are not kept) from the rows; the
    /// counts are the same either way. A cancelled `cancellation` stops the read
    /// (``StoreError/interrupted(operation:)``).
    func groupCounts(
        _ filter: FilterSQL, by dimensions: [BreakdownDimension], in windows: [Range<Timestamp>],
        reading: BreakdownReading = .minuteCountsWhereExact, cancellation: QueryCancellation? = nil
    ) throws -> [[BreakdownKey: BreakdownCount]] {
        guard !dimensions.isEmpty else {
            throw StoreError.invalidValue(field: "breakdown", value: "", reason: "name at least one dimension to group by")
        }
        try prepare(filter)
        return try read("computing a breakdown", cancellation: cancellation) { db in
            let planned = try Self.plan(filter, db).filter
            let templates = dimensions.contains(.template) ? try TemplateRoots(db) : nil
            return try windows.map { window in
                guard window.lowerBound < window.upperBound else { return [:] }
                var aggregator = BreakdownAggregator()
                for query in try Self.breakdownQueries(planned, by: dimensions, in: window, reading: reading, db) {
                    let statement = try db.makeStatement(sql: query.sql)
                    try statement.setArguments(query.arguments)
                    try aggregator.count(statement, columns: dimensions.count, connection: db.sqliteConnection)
                }
                var counts: [BreakdownKey: BreakdownCount] = [:]
                // A group read from the attribute counts may net to no events (every event had the key).
                for group in aggregator.groups where group.events != 0 {
                    let values = dimensions.indices.map { Self.breakdownValue(group.values[$0], of: dimensions[$0], templates: templates) }
                    let key = BreakdownKey(dimensions: dimensions, values: values)
                    counts[key, default: BreakdownCount()] = counts[key, default: BreakdownCount()]
                        + BreakdownCount(events: group.events, errors: group.errors)
                }
                return counts
            }
        }
    }

    /// The queries counting `window`: its whole minutes from the count tables that answer and
    /// its ragged ends from the rows, or all of it from the rows.
    private static func breakdownQueries(
        _ filter: FilterSQL, by dimensions: [BreakdownDimension], in window: Range<Timestamp>, reading: BreakdownReading, _ db: Database
    ) throws -> [BreakdownQuery] {
        let rows = [BreakdownQuery(filter: filter, dimensions: dimensions, window: window)]
        guard reading == .minuteCountsWhereExact else { return rows }
        if let minuteCounts = MinuteCounts.answering(filter, by: dimensions) {
            return MinuteCounts.parts(of: window).map { part in
                switch part {
                case .rows(let rows): BreakdownQuery(filter: filter, dimensions: dimensions, window: rows)
                case .minutes(let minutes): BreakdownQuery(filter: filter, dimensions: dimensions, minutes: minutes, table: minuteCounts.table)
                }
            }
        }
        guard let key = AttributeCounts.answeringKey(filter, by: dimensions) else { return rows }
        let valuesAnswer = AttributeCounts.valuesAnswer(filter, by: dimensions)
        var parts: [AttributeCounts.Part] = []
        for part in MinuteCounts.parts(of: window) {
            switch part {
            case .rows(let rows): parts.append(.rows(rows))
            case .minutes(let minutes): parts += try AttributeCounts.parts(db, key: key, minutes: minutes, valuesAnswer: valuesAnswer)
            }
        }
        return parts.flatMap { part -> [BreakdownQuery] in
            switch part {
            case .rows(let rows): [BreakdownQuery(filter: filter, dimensions: dimensions, window: rows)]
            case .counts(let minutes): AttributeCounts.queries(filter, by: dimensions, minutes: minutes, key: key)
            case .values(let minutes): AttributeCounts.valueQueries(filter, by: dimensions, minutes: minutes, key: key)
            }
        }
    }

    private static func breakdownValue(_ value: DatabaseValue, of dimension: BreakdownDimension, templates: TemplateRoots?) -> BreakdownValue {
        if value.isNull { return .missing }
        switch dimension {
        case .severity:
            guard let raw = Int.fromDatabaseValue(value), let severity = Severity(rawValue: raw) else { return .missing }
            return .severity(severity)
        case .source:
            guard let raw = String.fromDatabaseValue(value), let kind = SourceKind(rawValue: raw) else { return .missing }
            return .sourceKind(kind)
        case .template:
            guard let id = Int64.fromDatabaseValue(value), let root = templates?.root(of: id) else { return .missing }
            return .template(id: root.id, text: root.text)
        case .attribute:
            switch value.storage {
            case .int64(let number): return .number(Double(number), text: String(number))
            case .double(let number): return .number(number, text: Self.written(number))
            case .string(let text): return .text(text)
            case .blob, .null: return .missing
            }
        case .service, .host, .sourceName:
            return String.fromDatabaseValue(value).map(BreakdownValue.text) ?? .missing
        }
    }

    /// A real number as a filter reads it back (`2.5`, `1e+20`).
    private static func written(_ number: Double) -> String {
        number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
    }
}

/// Every stored template's id mapped to the template it reads as now (following
/// `merged_into`, at most 64 steps, as ``InquestStore/template(of:)``).
struct TemplateRoots {
    private var texts: [Int64: String] = [:]
    private var mergedInto: [Int64: Int64] = [:]

    init(_ db: Database) throws {
        let rows = try Row.fetchCursor(db, sql: "SELECT id, text, merged_into FROM log_template")
        while let row = try rows.next() {
            let id: Int64 = row[0]
            texts[id] = row[1]
            if let target = row[2] as Int64? { mergedInto[id] = target }
        }
    }

    func root(of id: Int64) -> (id: Int64, text: String)? {
        var current = id
        for _ in 0..<64 {
            guard let next = mergedInto[current] else { break }
            current = next
        }
        return texts[current].map { (current, $0) }
    }
}
