import InquestCore

/// One data line of a CSV time-series file, read: its time as written, its samples, its errors.
public struct CSVSeriesRow: Sendable, Hashable {
    /// The 1-based line number in the file.
    public var line: Int
    /// The time cell exactly as written (the first field when the line is too short).
    public var timestampText: String
    /// The parsed time; nil when ``timestampText`` could not be read.
    public var timestamp: Timestamp?
    /// One sample per value column (a gap sample for `NaN`/empty cells), in column order.
    public var samples: [MetricSample]
    /// What could not be read on this line.
    public var errors: [ParseError]
}

/// Parses CSV time series: `timestamp,value[,series]` with or without a header, and wide files
/// where each numeric column is a series named after its header (see ``CSVSeriesLayout``).
///
/// Times may be ISO 8601, `YYYY-MM-DD HH:MM:SS`, Go time text or epoch s/ms/µs/ns. `NaN` and
/// empty cells are kept as gap samples. Blank lines are skipped; any other unreadable line yields
/// a located error and parsing continues.
public enum CSVSeriesParser {
    /// Every data line in input order, plus errors about the file as a whole (no value column).
    /// `defaultSeries` names the series of a single `value` column (typically the file's base name).
    public static func parseRows(_ text: String, defaultSeries: String) -> (rows: [CSVSeriesRow], errors: [ParseError]) {
        parseRows(lines: CSVFields.lines(text), defaultSeries: defaultSeries)
    }

    /// The rows of records already split (a table's), with its time column when it chose one.
    static func parseRows(
        lines: [CSVFields.Line], defaultSeries: String, timeColumn: Int? = nil
    ) -> (rows: [CSVSeriesRow], errors: [ParseError]) {
        guard let first = lines.first else { return ([], []) }
        let layout = CSVSeriesLayout.infer(first: first, data: lines.dropFirst(), timeColumn: timeColumn)
        let dataLines = layout.hasHeader ? lines.dropFirst() : lines[...]
        var fileErrors: [ParseError] = []
        if layout.valueColumns.isEmpty { fileErrors.append(.noValueColumn(line: first.number)) }
        let rows = dataLines.map { readRow($0, layout: layout, defaultSeries: defaultSeries) }
        return (rows, fileErrors)
    }

    /// All samples in input order and all errors (file-level first, then per line).
    public static func parse(_ text: String, defaultSeries: String) -> (samples: [MetricSample], errors: [ParseError]) {
        let (rows, fileErrors) = parseRows(text, defaultSeries: defaultSeries)
        return (rows.flatMap(\.samples), fileErrors + rows.flatMap(\.errors))
    }

    static func readRow(_ line: CSVFields.Line, layout: CSVSeriesLayout, defaultSeries: String) -> CSVSeriesRow {
        let fields = line.fields
        let timeText = layout.timeColumn < fields.count ? fields[layout.timeColumn] : (fields.first ?? "")
        var row = CSVSeriesRow(line: line.number, timestampText: timeText, timestamp: nil, samples: [], errors: [])
        guard fields.count >= layout.requiredFields else {
            row.errors.append(.missingFields(line: line.number, expected: layout.requiredFields, found: fields.count))
            return row
        }
        guard let timestamp = MetricTimestampParser.parse(timeText) else {
            row.errors.append(.invalidTimestamp(line: line.number, column: line.columns[layout.timeColumn], text: timeText))
            return row
        }
        row.timestamp = timestamp
        var labels: [String: String] = [:]
        for column in layout.labelColumns where column.index < fields.count && !fields[column.index].isEmpty {
            labels[column.name] = fields[column.index]
        }
        let seriesCell = layout.seriesColumn.flatMap { $0 < fields.count ? fields[$0] : nil }
        for column in layout.valueColumns {
            let cell = column.index < fields.count ? fields[column.index] : ""
            let value: Double
            if cell.isEmpty {
                value = .nan
            } else if let parsed = MetricNumber.parse(cell) {
                value = parsed
            } else {
                row.errors.append(.invalidValue(line: line.number, column: line.columns[column.index], text: cell))
                continue
            }
            let series = layout.seriesName(of: column, seriesCell: seriesCell, defaultSeries: defaultSeries)
            row.samples.append(MetricSample(series: series, labels: labels, timestamp: timestamp, value: value))
        }
        return row
    }
}
