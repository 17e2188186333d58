import GRDB
import InquestCore

/// The SQL of a breakdown: the events of a time window that match a filter, with one column per
/// dimension, 1 for an error (severity ≥ error) and the number of events the row stands for,
/// counted per group by ``BreakdownAggregator`` (not `GROUP BY`, which sorts every row).
///
/// Read from the rows, each row is one event; the window bounds come first so SQLite walks the
/// `event_by_time (ts, severity, service)` index between them, and grouping by service or
/// severity (or both) reads no table rows. Read from ``MinuteCounts``, each row is a count of a
/// whole minute's events, and the same filter condition runs on it unchanged.
struct BreakdownQuery {
    var sql: String
    var arguments: StatementArguments

    /// The events of `window`, one row each.
    init(filter: FilterSQL, dimensions: [BreakdownDimension], window: Range<Timestamp>) {
        self.init(
            filter: filter, dimensions: dimensions, from: "event", weight: "1", bounds: "event.ts >= ? AND event.ts < ?",
            boundArguments: [window.lowerBound.nanoseconds, window.upperBound.nanoseconds])
    }

    /// The events of the whole UTC minutes `minutes` (minute numbers since 1970), from their
    /// counts in `table` (a ``MinuteCounts`` table). `attribute` stands in for an attribute
    /// dimension's column (``AttributeCounts`` reads the events lacking a key this way).
    init(filter: FilterSQL, dimensions: [BreakdownDimension], minutes: Range<Int64>, table: String, attribute: String? = nil) {
        self.init(
            filter: filter, dimensions: dimensions, from: "\(table) AS event", weight: "event.count",
            bounds: "event.minute >= ? AND event.minute < ?", boundArguments: [minutes.lowerBound, minutes.upperBound],
            attribute: attribute)
    }

    /// The events of the whole UTC minutes `minutes` with attribute `key`, from
    /// ``AttributeCounts``: grouped by its value (`attribute` "event.value"), or, with
    /// `attribute` "NULL" and `weight` "-event.count", taken away from the events lacking it.
    init(filter: FilterSQL, dimensions: [BreakdownDimension], minutes: Range<Int64>, attributeKey key: String, attribute: String, weight: String) {
        self.init(
            filter: filter, dimensions: dimensions, from: "\(AttributeCounts.countTable) AS event", weight: weight,
            bounds: "event.attr_key = ? AND event.minute >= ? AND event.minute < ?",
            boundArguments: [key, minutes.lowerBound, minutes.upperBound], attribute: attribute)
    }

    /// The events of the whole UTC minutes `minutes` with attribute `key`, from its per-value
    /// counts (``AttributeCounts/valueTable``, no service or severity): `attribute` "event.value"
    /// or "NULL", `error` "1" or "0" with the `weight` of the errors or the other events.
    init(filter: FilterSQL, dimensions: [BreakdownDimension], minutes: Range<Int64>, valuesOf key: String, attribute: String, error: String, weight: String) {
        self.init(
            filter: filter, dimensions: dimensions, from: "\(AttributeCounts.valueTable) AS event", weight: weight,
            bounds: "event.attr_key = ? AND event.minute >= ? AND event.minute < ?",
            boundArguments: [key, minutes.lowerBound, minutes.upperBound], attribute: attribute, error: error)
    }

    private init(
        filter: FilterSQL, dimensions: [BreakdownDimension], from table: String, weight: String, bounds: String,
        boundArguments: [any DatabaseValueConvertible], attribute: String? = nil, error: String? = nil
    ) {
        var columns: [String] = []
        var columnArguments: [any DatabaseValueConvertible] = []
        for dimension in dimensions {
            if case .attribute = dimension, let attribute {
                columns.append(attribute)
                continue
            }
            let (column, arguments) = Self.column(dimension)
            columns.append(column)
            columnArguments += arguments
        }
        let selected = columns.isEmpty ? "NULL" : columns.joined(separator: ", ")
        sql = """
            SELECT \(selected), \(error ?? "event.severity >= \(Severity.error.rawValue)"), \(weight)
            FROM \(table) WHERE \(bounds) AND \(filter.condition)
            """
        arguments = StatementArguments((columnArguments + boundArguments).map(\.databaseValue)) + filter.statementArguments()
    }

    /// The expression one dimension groups by, and its arguments (JSON paths of an attribute).
    private static func column(_ dimension: BreakdownDimension) -> (String, [any DatabaseValueConvertible]) {
        switch dimension {
        case .service: ("event.service", [])
        case .severity: ("event.severity", [])
        case .host: ("event.host", [])
        case .source: ("event.source_kind", [])
        case .sourceName: ("event.source_name", [])
        case .template: ("event.template_id", [])
        case .attribute(let key):
            // The same paths, in the same order, as the filter's `key:value` reads.
            attributeColumn(FilterSQLAttribute(key: key).paths)
        }
    }

    private static func attributeColumn(_ paths: [String]) -> (String, [any DatabaseValueConvertible]) {
        let calls = paths.map { _ in "json_extract(event.attributes, ?)" }
        let sql = calls.count == 1 ? calls[0] : "coalesce(" + calls.joined(separator: ", ") + ")"
        return (sql, paths)
    }
}
