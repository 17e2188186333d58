/// Splits CSV text into records and fields (RFC 4180 quoting: `"a,b"`, `""` for a quote).
enum CSVFields {
    /// One physical line with its 1-based number; blank lines are dropped.
    struct Line {
        var number: Int
        var fields: [String]
        /// The 1-based byte column where each field starts.
        var columns: [Int]
        /// The record's byte range in the input (its line ending excluded), when read from bytes.
        var offset = 0
        var end = 0
    }

    /// Splits `text` into non-blank records of fields; `\r\n` and `\n` both end a line, and a
    /// quoted field may hold newlines (``DelimitedRecordReader``: a runaway quote ends at its own
    /// line). A leading UTF-8 byte-order mark (spreadsheet exports) is ignored.
    static func lines(_ text: String, delimiter: UInt8 = ASCII.comma) -> [Line] {
        var text = text
        return text.withUTF8 { lines(bytes: $0, delimiter: delimiter) }
    }

    /// The records of `bytes`; a record whose quote never closes is its first line split as it is.
    static func lines(bytes: Bytes, delimiter: UInt8) -> [Line] {
        var reader = DelimitedRecordReader(bytes: bytes, delimiter: delimiter)
        var result: [Line] = []
        while let record = reader.next() {
            if record.failure != nil {
                let (fields, columns) = split(Array(bytes.slice(record.offset, record.end)))
                result.append(Line(number: record.line, fields: fields, columns: columns, offset: record.offset, end: record.end))
            } else {
                result.append(Line(
                    number: record.line, fields: record.fields, columns: record.columns, offset: record.offset, end: record.end))
            }
        }
        return result
    }

    static func split(_ bytes: [UInt8]) -> (fields: [String], columns: [Int]) {
        var fields: [String] = []
        var columns: [Int] = []
        var index = 0
        while true {
            columns.append(index + 1)
            var field: [UInt8] = []
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                index += 1
                while index < bytes.count {
                    if bytes[index] == UInt8(ascii: "\"") {
                        if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") {
                            field.append(UInt8(ascii: "\""))
                            index += 2
                            continue
                        }
                        index += 1
                        break
                    }
                    field.append(bytes[index])
                    index += 1
                }
                while index < bytes.count, bytes[index] != UInt8(ascii: ",") { index += 1 }
            } else {
                while index < bytes.count, bytes[index] != UInt8(ascii: ",") {
                    field.append(bytes[index])
                    index += 1
                }
            }
            fields.append(trim(String(decoding: field, as: UTF8.self)))
            guard index < bytes.count else { break }
            index += 1
        }
        return (fields, columns)
    }

    /// The text without leading and trailing spaces and tabs.
    static func trim(_ text: String) -> String {
        var slice = Substring(text)
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}
