/// A located problem in metric input (Prometheus text or CSV time series).
///
/// Every case carries the 1-based line and, where it helps, the 1-based column (in bytes)
/// of the offending text; ``description`` says what is wrong and what to do.
public enum MetricParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A Prometheus sample line does not have the shape `name{labels} value [timestamp]`.
    case malformedSample(line: Int, column: Int, expected: String)
    /// A label set is malformed (bad name, missing quote, unknown escape, missing `=`).
    case invalidLabel(line: Int, column: Int, reason: String)
    /// A value is not a number, `NaN`, `+Inf` or `-Inf`.
    case invalidValue(line: Int, column: Int, text: String)
    /// A timestamp cannot be read as ISO 8601, `YYYY-MM-DD HH:MM:SS` or epoch s/ms/µs/ns.
    case invalidTimestamp(line: Int, column: Int, text: String)
    /// A `# TYPE` line names an unknown metric type.
    case unknownType(line: Int, text: String)
    /// Text follows the OpenMetrics `# EOF` marker.
    case contentAfterEOF(line: Int)
    /// A CSV row has fewer fields than the header.
    case missingFields(line: Int, expected: Int, found: Int)
    /// A CSV file has no column holding numbers, so there is no series to read.
    case noValueColumn(line: Int)

    /// The 1-based line of the problem.
    public var line: Int {
        switch self {
        case .malformedSample(let line, _, _), .invalidLabel(let line, _, _), .invalidValue(let line, _, _),
            .invalidTimestamp(let line, _, _), .unknownType(let line, _), .contentAfterEOF(let line),
            .missingFields(let line, _, _), .noValueColumn(let line):
            line
        }
    }

    /// The 1-based byte column of the problem, when it is known.
    public var column: Int? {
        switch self {
        case .malformedSample(_, let column, _), .invalidLabel(_, let column, _), .invalidValue(_, let column, _),
            .invalidTimestamp(_, let column, _):
            column
        case .unknownType, .contentAfterEOF, .missingFields, .noValueColumn:
            nil
        }
    }

    /// What is wrong and what to do, without the location (for `file:line:column: reason` output).
    public var reason: String {
        switch self {
        case .malformedSample(_, _, let expected):
            "malformed sample, expected \(expected); write `name{label=\"v\"} value [timestamp]`"
        case .invalidLabel(_, _, let reason):
            "invalid label set: \(reason); labels look like {name=\"value\",other=\"x\"}"
        case .invalidValue(_, _, let text):
            "value '\(text)' is not a number; use a decimal, NaN, +Inf or -Inf (or leave the cell empty for a gap)"
        case .invalidTimestamp(_, _, let text):
            "timestamp '\(text)' is not ISO 8601, 'YYYY-MM-DD HH:MM:SS' or epoch seconds/milliseconds; fix or remove the row"
        case .unknownType(_, let text):
            "unknown metric type '\(text)'; use counter, gauge, histogram, summary, gaugehistogram, stateset, info or unknown"
        case .contentAfterEOF:
            "content after '# EOF'; OpenMetrics text must end at '# EOF', remove what follows"
        case .missingFields(_, let expected, let found):
            "\(found) field(s) where the header has \(expected); add the missing fields (leave a cell empty for a gap)"
        case .noValueColumn:
            "no column holds numbers; a series file needs `timestamp,value[,series]` or numeric columns"
        }
    }

    /// What is wrong, where and what to do, without the file name (callers prefix `file:`).
    public var description: String {
        "line \(line)" + (column.map { ", column \($0)" } ?? "") + ": " + reason
    }
}
