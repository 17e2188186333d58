/// Which column of a CSV time-series file plays which role, inferred from its header and first rows.
///
/// - The time column is the column named like a time (``ColumnRole/guess(_:)``: `timestamp`,
///   `time`, `date`, `ts`, `@timestamp`, `*UnixNano`, …) whose first values read most cleanly as
///   times (``TableLayout/bestTimeColumn(header:rows:excluding:)``: an epoch number before ISO
///   8601 before Go's `time.Time` text with its monotonic clock), or the one a table's layout
///   chose; without such a name, column 1. Other time-named columns are ignored.
/// - A column named `series`, `metric` or `name` gives each row's series name.
/// - A column named `value`, and every other column whose non-empty cells in the first 20 rows are
///   mostly numbers (or `NaN`), is a value column, one series each; the rest are label columns
///   (nezha's `PodName`).
/// - Without a header (the first row starts with a time and a number) the columns are
///   `timestamp,value[,series]`, further columns are values named `column<N>`.
public struct CSVSeriesLayout: Sendable, Hashable {
    /// A column's 0-based index and header name.
    public struct Column: Sendable, Hashable {
        public var index: Int
        public var name: String
    }

    /// True when the first line is a header.
    public var hasHeader: Bool
    /// The column holding the time of each row.
    public var timeColumn: Int
    /// The column naming each row's series, if any.
    public var seriesColumn: Int?
    /// Columns of numbers, one series each.
    public var valueColumns: [Column]
    /// Columns of text, copied into every sample's labels.
    public var labelColumns: [Column]
    /// How many fields a row needs (the header's count, or 2 without a header).
    public var requiredFields: Int

    static let seriesNames: Set<String> = ["series", "metric", "name"]
    static let inspectedRows = 20

    /// Infers the layout from the first line and the data lines that follow it.
    /// `timeColumn` overrides the choice of the time column (a table's ``TableLayout``).
    static func infer(first: CSVFields.Line, data: ArraySlice<CSVFields.Line>, timeColumn chosen: Int? = nil) -> CSVSeriesLayout {
        let headerless = chosen == nil && first.fields.count >= 2 && MetricTimestampParser.parse(first.fields[0]) != nil
            && (first.fields[1].isEmpty || MetricNumber.parse(first.fields[1]) != nil)
        let inspected = Array(data.prefix(inspectedRows))
        if headerless {
            let width = first.fields.count
            var values = [Column(index: 1, name: "value")]
            var series: Int?
            if width >= 3 {
                if isNumeric(column: 2, in: [first] + inspected) {
                    values.append(Column(index: 2, name: "column3"))
                } else {
                    series = 2
                }
            }
            for index in 3..<max(width, 3) where isNumeric(column: index, in: [first] + inspected) {
                values.append(Column(index: index, name: "column\(index + 1)"))
            }
            return CSVSeriesLayout(
                hasHeader: false, timeColumn: 0, seriesColumn: series, valueColumns: values, labelColumns: [],
                requiredFields: 2)
        }
        let names = first.fields
        let lowered = names.map { $0.lowercased() }
        let timeCandidates = names.indices.filter { ColumnRole.guess(names[$0]) == .time }
        let timeColumn = chosen
            ?? TableLayout.bestTimeColumn(header: names, rows: inspected.map(\.fields), excluding: [])
            ?? timeCandidates.first ?? 0
        let seriesColumn = lowered.indices.first { $0 != timeColumn && seriesNames.contains(lowered[$0]) }
        var values: [Column] = []
        var labels: [Column] = []
        for index in names.indices where index != timeColumn && index != seriesColumn && !timeCandidates.contains(index) {
            let column = Column(index: index, name: names[index])
            if column.name.lowercased() == "value" || isNumeric(column: index, in: inspected) {
                values.append(column)
            } else {
                labels.append(column)
            }
        }
        return CSVSeriesLayout(
            hasHeader: true, timeColumn: timeColumn, seriesColumn: seriesColumn, valueColumns: values,
            labelColumns: labels, requiredFields: names.count)
    }

    /// True when most non-empty cells of the column in `lines` read as numbers (or NaN/Inf), or all are
    /// empty; a stray bad cell then becomes a located error instead of turning the column into labels.
    static func isNumeric(column: Int, in lines: [CSVFields.Line]) -> Bool {
        var numbers = 0
        var texts = 0
        for line in lines where column < line.fields.count && !line.fields[column].isEmpty {
            if MetricNumber.parse(line.fields[column]) != nil { numbers += 1 } else { texts += 1 }
        }
        return numbers >= texts
    }

    /// The series name of `column` in a row whose series cell (if any) is `seriesCell`.
    func seriesName(of column: Column, seriesCell: String?, defaultSeries: String) -> String {
        if let seriesCell, !seriesCell.isEmpty {
            return valueColumns.count == 1 ? seriesCell : seriesCell + "." + column.name
        }
        if valueColumns.count == 1 && (!hasHeader || column.name.lowercased() == "value") { return defaultSeries }
        return column.name
    }
}
