/// Reads the name and label set at the start of a Prometheus sample line.
struct LabelReader {
    /// One space-separated field after the label set, with its 1-based column.
    struct Field {
        var text: String
        var column: Int
    }

    let bytes: [UInt8]
    let line: Int
    var index = 0

    init(bytes: [UInt8], line: Int) {
        self.bytes = bytes
        self.line = line
    }

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// `[a-zA-Z_:][a-zA-Z0-9_:]*`, or nil (index left at the bad byte).
    mutating func metricName() -> String? {
        guard let first = peek, Self.isNameStart(first) || first == UInt8(ascii: ":") else { return nil }
        let start = index
        while let byte = peek, Self.isNameStart(byte) || Self.isDigit(byte) || byte == UInt8(ascii: ":") { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// `{name="value",...}` with an optional trailing comma; the reader is at `{`.
    mutating func labelSet() -> Result<[String: String], ParseError> {
        index += 1
        var labels: [String: String] = [:]
        while true {
            skipSpaces()
            guard let byte = peek else { return .failure(error("missing closing '}'")) }
            if byte == UInt8(ascii: "}") { index += 1; return .success(labels) }
            guard Self.isNameStart(byte) else { return .failure(error("expected a label name")) }
            let start = index
            while let next = peek, Self.isNameStart(next) || Self.isDigit(next) { index += 1 }
            let name = String(decoding: bytes[start..<index], as: UTF8.self)
            skipSpaces()
            guard peek == UInt8(ascii: "=") else { return .failure(error("expected '=' after label '\(name)'")) }
            index += 1
            skipSpaces()
            guard peek == UInt8(ascii: "\"") else { return .failure(error("expected '\"' to open the value of '\(name)'")) }
            index += 1
            switch quotedValue() {
            case .success(let value): labels[name] = value
            case .failure(let failure): return .failure(failure)
            }
            skipSpaces()
            if peek == UInt8(ascii: ",") {
                index += 1
            } else if peek != UInt8(ascii: "}") {
                return .failure(error("expected ',' or '}' after the value of '\(name)'"))
            }
        }
    }

    /// The rest of a quoted label value, after the opening quote; resolves `\\`, `\"`, `\n`.
    private mutating func quotedValue() -> Result<String, ParseError> {
        var value: [UInt8] = []
        while let byte = peek {
            index += 1
            switch byte {
            case UInt8(ascii: "\""):
                return .success(String(decoding: value, as: UTF8.self))
            case UInt8(ascii: "\\"):
                guard let escaped = peek else { return .failure(error("label value ends inside an escape")) }
                index += 1
                switch escaped {
                case UInt8(ascii: "n"): value.append(10)
                case UInt8(ascii: "\\"), UInt8(ascii: "\""): value.append(escaped)
                default:
                    index -= 1
                    return .failure(error("unknown escape '\\\(Character(Unicode.Scalar(escaped)))' (use \\\\, \\\" or \\n)"))
                }
            default:
                value.append(byte)
            }
        }
        return .failure(error("label value is missing its closing quote"))
    }

    /// Space-separated fields until the end of the line or an exemplar (` # ...`).
    mutating func remainingFields() -> [Field] {
        var fields: [Field] = []
        while true {
            skipSpaces()
            guard let byte = peek else { return fields }
            if byte == UInt8(ascii: "#") { return fields }
            let start = index
            while let next = peek, next != 32, next != 9 { index += 1 }
            fields.append(Field(text: String(decoding: bytes[start..<index], as: UTF8.self), column: start + 1))
        }
    }

    private mutating func skipSpaces() {
        while let byte = peek, byte == 32 || byte == 9 { index += 1 }
    }

    private func error(_ reason: String) -> ParseError {
        .invalidLabel(line: line, column: index + 1, reason: reason)
    }

    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == UInt8(ascii: "_")
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
}
