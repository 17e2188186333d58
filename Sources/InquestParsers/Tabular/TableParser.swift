import InquestCore

/// Reads a table (a CSV, TSV or other delimited export with a header, see ``TableDialect``)
/// into log events, spans or metric samples, as its ``TableLayout`` says. The header row is
/// never an event. A row with another number of fields than the header, a record whose quote
/// never closes, and a span row without ids or start time are failures with their line; every
/// other row is an event, a span or samples.
public enum TableParser {
    /// What a table holds.
    public struct Output: Sendable {
        /// The layout the rows were read with; nil for an input with no record at all.
        public var layout: TableLayout?
        /// One event per row of a log table.
        public var events: [Event] = []
        /// One span per row of a span table.
        public var spans: [TraceSpan] = []
        /// The samples of a series table.
        public var samples: [MetricSample] = []
        /// Rows that could not be read, located.
        public var failures: [RecordFailure] = []
        /// Data rows read (the header excluded), failures included.
        public var rows = 0
    }

    /// Rows read before the layout is inferred.
    static let inspectedRows = 50

    /// Reads `data`. `dialect` is the detected one (nil: comma-separated, header first);
    /// `columns` overrides roles by column name; `defaultSeries` names a lone `value` series.
    public static func parse(
        _ data: UnsafeRawBufferPointer, dialect: TableDialect?, columns: [ColumnRole: String] = [:],
        options: LogParseOptions, defaultSeries: String
    ) -> Output {
        guard let base = data.baseAddress, data.count > 0 else { return Output() }
        let bytes = Bytes(start: base.assumingMemoryBound(to: UInt8.self), count: data.count)
        let delimiter = dialect?.delimiter ?? ASCII.comma
        var reader = DelimitedRecordReader(bytes: bytes, delimiter: delimiter)
        var output = Output()
        var header: [String]?
        var records: [DelimitedRecordReader.Record] = []
        while header == nil, let record = reader.next() {
            if let failure = record.failure {
                output.failures.append(RecordFailure(
                    line: record.line, offset: Int64(record.offset), error: failure, raw: Array(bytes.slice(record.offset, record.end))))
            } else {
                header = record.fields
            }
        }
        guard let header else { return output }
        while records.count < inspectedRows, let record = reader.next() { records.append(record) }
        let sampleRows = records.compactMap { $0.failure == nil && $0.fields.count == header.count ? $0.fields : nil }
        let layout = TableLayout.infer(header: header, rows: sampleRows, overrides: columns)
        output.layout = layout
        if layout.shape == .series {
            readSeries(bytes, header: header, layout: layout, delimiter: delimiter, defaultSeries: defaultSeries, into: &output)
            return output
        }
        var events = layout.shape == .logs ? TableEventBuilder(layout: layout, options: options) : nil
        var spans = layout.shape == .spans ? TableSpanBuilder(layout: layout, options: options) : nil
        var index = 0
        while true {
            let record: DelimitedRecordReader.Record
            if index < records.count {
                record = records[index]
                index += 1
            } else if let next = reader.next() {
                record = next
            } else {
                break
            }
            output.rows += 1
            let raw = bytes.slice(record.offset, record.end)
            func fail(_ error: ParseError) {
                output.failures.append(RecordFailure(line: record.line, offset: Int64(record.offset), error: error, raw: Array(raw)))
            }
            if let failure = record.failure {
                fail(failure)
                continue
            }
            guard record.fields.count == header.count else {
                fail(.tableFieldCount(line: record.line, expected: header.count, found: record.fields.count))
                continue
            }
            if events != nil, let event = events?.event(fields: record.fields, raw: raw, offset: Int64(record.offset)) {
                output.events.append(event)
            } else if let result = spans?.span(fields: record.fields, raw: raw, line: record.line) {
                switch result {
                case .success(let span): output.spans.append(span)
                case .failure(let error): fail(error)
                }
            }
        }
        return output
    }

    /// A series table goes through the CSV series reader with the layout's time column.
    private static func readSeries(
        _ bytes: Bytes, header: [String], layout: TableLayout, delimiter: UInt8, defaultSeries: String, into output: inout Output
    ) {
        let lines = CSVFields.lines(bytes: bytes, delimiter: delimiter)
        let (rows, errors) = CSVSeriesParser.parseRows(lines: lines, defaultSeries: defaultSeries, timeColumn: layout.column(.time))
        output.rows = rows.count
        output.samples = rows.flatMap(\.samples)
        let byLine = Dictionary(lines.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        for error in errors + rows.flatMap(\.errors) {
            let line = error.line ?? 0
            let record = byLine[line]
            let raw = record.map { Array(bytes.slice($0.offset, $0.end)) } ?? []
            output.failures.append(RecordFailure(line: line, offset: Int64(record?.offset ?? 0), error: error, raw: raw))
        }
    }
}
