/// How a table's text is written: its delimiter and its header (the column names).
///
/// ``detect(sample:)`` recognises a delimited file with a header from its first bytes: for each
/// delimiter (`,`, tab, `;`, `|`) it reads the first record as a header and up to
/// ``inspectedRows`` records after it. A header qualifies when it has at least two names and
/// every name looks like one (a letter in it, at most ``maximumNameWords`` words and
/// ``maximumNameLength`` bytes, no `=`, braces, angle brackets or quotes, and not itself a number
/// or a time); the rows qualify when at least one holds as many fields as the header and no more
/// than one in five holds another number. Of the delimiters that qualify, the one giving the
/// most columns wins. JSON lines, logfmt, syslog and text logs fail these tests, so they stay logs.
public struct TableDialect: Sendable, Hashable {
    /// The byte between fields.
    public var delimiter: UInt8
    /// The column names, as written in the header (quotes removed, spaces trimmed).
    public var header: [String]

    public init(delimiter: UInt8, header: [String]) {
        self.delimiter = delimiter
        self.header = header
    }

    /// The delimiters tried, in order of preference when they give as many columns.
    public static let delimiters: [UInt8] = [ASCII.comma, ASCII.tab, UInt8(ascii: ";"), UInt8(ascii: "|")]
    static let inspectedRows = 50
    static let maximumNameWords = 4
    static let maximumNameLength = 100
    /// Bytes of the sample looked at.
    static let sampleBytes = 256 * 1024

    /// The dialect of a table starting at the beginning of `sample`, or nil when it is not one.
    public static func detect(sample: UnsafeRawBufferPointer) -> TableDialect? {
        guard let base = sample.baseAddress, sample.count > 0 else { return nil }
        let bytes = Bytes(start: base.assumingMemoryBound(to: UInt8.self), count: min(sample.count, sampleBytes))
        var best: TableDialect?
        for delimiter in delimiters {
            guard let dialect = qualify(bytes, delimiter: delimiter, isWhole: sample.count <= sampleBytes) else { continue }
            if dialect.header.count > (best?.header.count ?? 1) { best = dialect }
        }
        return best
    }

    /// The header with `delimiter`, a `[UInt8]` convenience for tests and callers without a buffer.
    public static func detect(_ bytes: [UInt8]) -> TableDialect? {
        bytes.withUnsafeBytes { detect(sample: $0) }
    }

    private static func qualify(_ bytes: Bytes, delimiter: UInt8, isWhole: Bool) -> TableDialect? {
        var reader = DelimitedRecordReader(bytes: bytes, delimiter: delimiter)
        guard let header = reader.next(), header.failure == nil, header.fields.count >= 2,
            header.fields.allSatisfy(isName)
        else { return nil }
        var matching = 0
        var other = 0
        for _ in 0..<inspectedRows {
            guard let record = reader.next() else { break }
            // The sample may end inside the last record: do not judge that one.
            let mayBeCut = !isWhole && record.end >= bytes.count - 1
            if record.failure != nil || record.fields.count != header.fields.count {
                if !mayBeCut { other += 1 }
                continue
            }
            matching += 1
        }
        guard matching > 0, other * 4 <= matching else { return nil }
        return TableDialect(delimiter: delimiter, header: header.fields)
    }

    /// Whether `text` looks like a column name.
    static func isName(_ text: String) -> Bool {
        guard !text.isEmpty, text.utf8.count <= maximumNameLength else { return false }
        var hasLetter = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "=", "{", "}", "<", ">", "\"": return false
            default: if scalar.properties.isAlphabetic { hasLetter = true }
            }
            if scalar.value < 32 { return false }
        }
        guard hasLetter else { return false }
        if text.split(separator: " ").count > maximumNameWords { return false }
        if MetricNumber.parse(text) != nil || TableTimeCell.read(text) != nil { return false }
        return true
    }
}
