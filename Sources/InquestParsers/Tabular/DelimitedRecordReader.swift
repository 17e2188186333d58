/// Reads the records of delimited text (CSV, TSV, semicolon or pipe separated) one at a time,
/// with RFC 4180 quoting: a field in double quotes may hold the delimiter, newlines, and `""`
/// for a quote. Lines end with `\n` or `\r\n`; blank lines between records are skipped.
///
/// **Bounded.** A quoted field that does not close within ``maximumRecordLines`` lines or
/// ``maximumRecordBytes`` bytes (a stray quote) would swallow the rest of the file: instead the
/// record's first line alone is returned as a failure and reading resumes at the line after it,
/// so every later line is read again on its own. Each line is then scanned at most once per
/// record that starts within the limit before it, so the work stays linear in the input.
struct DelimitedRecordReader {
    /// A record: its fields (quotes removed, `""` undone) or why it could not be read.
    struct Record {
        /// 1-based number of the record's first line.
        var line: Int
        /// Lines the record spans (more than 1 when a quoted field holds newlines).
        var lineCount: Int
        /// Byte offset of the record's first byte.
        var offset: Int
        /// Byte offset just past the record's last byte, its line ending excluded.
        var end: Int
        /// The fields, in order.
        var fields: [String]
        /// 1-based byte column (within the record) where each field starts.
        var columns: [Int]
        /// Set when the record could not be read (the fields are then empty).
        var failure: ParseError?
    }

    /// A quoted field still open after this many lines ends the record as a failure.
    static let maximumRecordLines = 1_000
    /// A record longer than this many bytes (inside an open quote) is a failure.
    static let maximumRecordBytes = 1 << 20

    let bytes: Bytes
    let delimiter: UInt8
    private(set) var position: Int
    private(set) var lineNumber: Int

    /// A reader over `bytes` from `start` (a leading UTF-8 byte-order mark is skipped).
    init(bytes: Bytes, delimiter: UInt8, start: Int = 0) {
        self.bytes = bytes
        self.delimiter = delimiter
        var begin = start
        if begin == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { begin = 3 }
        position = begin
        lineNumber = 0
    }

    /// The next record, or nil at the end of the input.
    mutating func next() -> Record? {
        // Skip blank lines.
        while position < bytes.count {
            let lineEnd = bytes.firstIndex(of: ASCII.newline, from: position, to: bytes.count) ?? bytes.count
            if !bytes.slice(position, lineEnd).isBlank { break }
            lineNumber += 1
            position = lineEnd + 1
        }
        guard position < bytes.count else { return nil }
        let start = position
        let firstLine = lineNumber + 1
        var fields: [String] = []
        var columns: [Int] = []
        var field: [UInt8] = []
        var index = start
        var lines = 1
        var inQuotes = false
        var fieldStart = start
        var atFieldStart = true
        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == ASCII.quote {
                    if index + 1 < bytes.count, bytes[index + 1] == ASCII.quote {
                        field.append(ASCII.quote)
                        index += 2
                        continue
                    }
                    inQuotes = false
                    index += 1
                    continue
                }
                if byte == ASCII.newline {
                    lines += 1
                    if lines > Self.maximumRecordLines { return runaway(start: start, firstLine: firstLine, atEnd: false) }
                }
                if index - start >= Self.maximumRecordBytes { return runaway(start: start, firstLine: firstLine, atEnd: false) }
                field.append(byte)
                index += 1
                continue
            }
            if byte == delimiter {
                fields.append(Self.text(field, trimmed: delimiter != ASCII.tab))
                columns.append(fieldStart - start + 1)
                field.removeAll(keepingCapacity: true)
                index += 1
                fieldStart = index
                atFieldStart = true
                continue
            }
            if byte == ASCII.newline { break }
            if byte == ASCII.quote, atFieldStart || Self.isBlank(field) {
                field.removeAll(keepingCapacity: true)
                inQuotes = true
                atFieldStart = false
                index += 1
                continue
            }
            atFieldStart = false
            field.append(byte)
            index += 1
        }
        if inQuotes { return runaway(start: start, firstLine: firstLine, atEnd: true) }
        var end = index
        if end > start, bytes[end - 1] == ASCII.carriageReturn { end -= 1 }
        if let last = field.last, last == ASCII.carriageReturn, index == end + 1 { field.removeLast() }
        fields.append(Self.text(field, trimmed: delimiter != ASCII.tab))
        columns.append(fieldStart - start + 1)
        lineNumber += lines
        position = index + 1
        return Record(line: firstLine, lineCount: lines, offset: start, end: end, fields: fields, columns: columns, failure: nil)
    }

    /// The first line of a record whose quote never closes, as a failure; reading resumes after it.
    private mutating func runaway(start: Int, firstLine: Int, atEnd: Bool) -> Record {
        let lineEnd = bytes.firstIndex(of: ASCII.newline, from: start, to: bytes.count) ?? bytes.count
        var end = lineEnd
        if end > start, bytes[end - 1] == ASCII.carriageReturn { end -= 1 }
        lineNumber += 1
        position = lineEnd + 1
        let failure = ParseError.tableOpenQuote(
            line: firstLine, maximumLines: Self.maximumRecordLines, maximumBytes: Self.maximumRecordBytes, atEnd: atEnd)
        return Record(line: firstLine, lineCount: 1, offset: start, end: end, fields: [], columns: [], failure: failure)
    }

    private static func isBlank(_ field: [UInt8]) -> Bool {
        field.allSatisfy { $0 == ASCII.space || $0 == ASCII.tab }
    }

    /// The field as text; spaces around it dropped unless the delimiter is a tab (then only spaces).
    private static func text(_ field: [UInt8], trimmed: Bool) -> String {
        var lower = 0
        var upper = field.count
        while lower < upper, field[lower] == ASCII.space || (trimmed && field[lower] == ASCII.tab) { lower += 1 }
        while upper > lower, field[upper - 1] == ASCII.space || (trimmed && field[upper - 1] == ASCII.tab) { upper -= 1 }
        return String(decoding: field[lower..<upper], as: UTF8.self)
    }
}
