import InquestCore
import InquestText

/// The `inquest series` list: one row per series with its service, other labels, sample count,
/// first and last sample time and smallest and largest value, in aligned columns sanitised for
/// the terminal.
enum SeriesTable {
    /// Widest a text column grows before it is cut with `…`.
    static let maximumColumn = 48

    static func render(_ rows: [MetricSeriesInfo]) -> String {
        let header = ["SERIES", "SERVICE", "LABELS", "SAMPLES", "FIRST", "LAST", "MIN", "MAX"]
        let cells = rows.map { series -> [String] in
            [
                series.name, series.service ?? "-", series.otherLabelsText.isEmpty ? "-" : series.otherLabelsText,
                String(series.sampleCount),
                series.first.map { TimestampFormatter.iso8601UTC($0, fractionDigits: 0) } ?? "-",
                series.last.map { TimestampFormatter.iso8601UTC($0, fractionDigits: 0) } ?? "-",
                series.minimum.map(short) ?? "-", series.maximum.map(short) ?? "-",
            ].map { DisplayWidth.truncate(TextSanitizer.singleLine($0), to: maximumColumn) }
        }
        let widths = header.indices.map { column in
            ([header[column]] + cells.map { $0[column] }).map { DisplayWidth.of($0) }.max() ?? 0
        }
        let rightAligned: Set<Int> = [3, 6, 7]
        return ([header] + cells).map { row in
            row.indices.map { column -> String in
                let padding = String(repeating: " ", count: max(0, widths[column] - DisplayWidth.of(row[column])))
                return rightAligned.contains(column) ? padding + row[column] : row[column] + padding
            }.joined(separator: "  ").trimmingTrailingSpaces
        }.joined(separator: "\n")
    }

    /// A value with 6 significant digits, for the list.
    static func short(_ value: Double) -> String {
        value.isFinite ? String(format: "%.6g", value) : number(value)
    }

    /// A value as the shortest text that reads back as the same number (`+Inf`/`-Inf` as
    /// Prometheus writes them).
    static func number(_ value: Double) -> String {
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
