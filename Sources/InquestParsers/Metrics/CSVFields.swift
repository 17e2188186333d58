/// Splits CSV text into lines and fields (RFC 4180 quoting: `"a,b"`, `""` for a quote).
enum CSVFields {
    /// One physical line with its 1-based number; blank lines are dropped.
    struct Line {
        var number: Int
        var fields: [String]
        /// The 1-based byte column where each field starts.
        var columns: [Int]
    }

    /// Splits `text` into non-blank lines of fields; `\r\n` and `\n` both end a line.
    /// A quoted field cannot span lines (time-series CSVs never need that).
    /// A leading UTF-8 byte-order mark (spreadsheet exports) is ignored.
    static func lines(_ text: String) -> [Line] {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        var result: [Line] = []
        var number = 0
        // Split on the byte: as Characters, "\r\n" is one grapheme and would not match "\n".
        for rawLine in text.utf8.split(separator: 10, omittingEmptySubsequences: false).map(Substring.init) {
            number += 1
            let line = rawLine.utf8.last == 13 ? Substring(rawLine.utf8.dropLast()) : rawLine
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let (fields, columns) = split(Array(line.utf8))
            result.append(Line(number: number, fields: fields, columns: columns))
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
