import GRDB
import InquestCore

/// The SQL of a breakdown: the events of a time window that match a filter, one row each,
/// with one column per dimension and 1 for an error (severity ≥ error), counted per group by
/// ``BreakdownAggregator`` (not `GROUP BY`, which sorts every row).
///
/// The window bounds come first so SQLite walks the `event_by_time (ts, severity, service)`
/// index between them; grouping by service or severity (or both) then reads no table rows.
struct BreakdownQuery {
    var sql: String
    var arguments: StatementArguments

    init(filter: FilterSQL, dimensions: [BreakdownDimension], window: Range<Timestamp>) {
        var columns: [String] = []
        var columnArguments: [any DatabaseValueConvertible] = []
        for dimension in dimensions {
            let (column, arguments) = Self.column(dimension)
            columns.append(column)
            columnArguments += arguments
        }
        let selected = columns.isEmpty ? "NULL" : columns.joined(separator: ", ")
        sql = """
            SELECT \(selected), event.severity >= \(Severity.error.rawValue)
            FROM event WHERE event.ts >= ? AND event.ts < ? AND \(filter.condition)
            """
        arguments = StatementArguments(columnArguments.map(\.databaseValue) + [window.lowerBound.nanoseconds.databaseValue, window.upperBound.nanoseconds.databaseValue])
            + filter.statementArguments()
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
