/// Builds the compact JSON object text of an event's remaining fields by copying byte ranges.
struct AttributesWriter {
    private(set) var bytes: [UInt8] = []

    var isEmpty: Bool { bytes.isEmpty }

    /// Opens a member: writes `,` when needed and `"`; the caller then appends the key bytes.
    @inline(__always) private mutating func openMember() {
        if bytes.isEmpty {
            bytes.reserveCapacity(128)
            bytes.append(ASCII.openBrace)
        } else {
            bytes.append(ASCII.comma)
        }
        bytes.append(ASCII.quote)
    }

    /// Adds a member whose key bytes are already JSON-escaped (copied from JSON) and whose value
    /// is a JSON value text; structured values are compacted (whitespace outside strings dropped).
    mutating func appendRaw(prefix: [UInt8], key: Bytes, value: Bytes, compact: Bool) {
        openMember()
        if !prefix.isEmpty { bytes.append(contentsOf: prefix) }
        bytes.append(contentsOf: key)
        bytes.append(ASCII.quote)
        bytes.append(ASCII.colon)
        if compact {
            appendCompacted(value)
        } else {
            bytes.append(contentsOf: value)
        }
    }

    /// Adds a member from unescaped text: the key is escaped; the value is written as a JSON number
    /// or boolean when it is one, else as an escaped string.
    mutating func appendText(key: Bytes, value: Bytes, inferTypes: Bool = true) {
        openMember()
        appendEscaped(key)
        bytes.append(ASCII.quote)
        bytes.append(ASCII.colon)
        if inferTypes && (Self.isJSONNumber(value) || Self.isLiteral(value)) {
            bytes.append(contentsOf: value)
        } else {
            bytes.append(ASCII.quote)
            appendEscaped(value)
            bytes.append(ASCII.quote)
        }
    }

    /// Adds `"key":true` (a logfmt flag).
    mutating func appendFlag(key: Bytes) {
        openMember()
        appendEscaped(key)
        bytes.append(contentsOf: [ASCII.quote, ASCII.colon, 0x74, 0x72, 0x75, 0x65])
    }

    /// Adds a member with a string key and string value.
    mutating func appendText(key: String, value: String) {
        var key = key
        var value = value
        key.withUTF8 { keyBytes in
            value.withUTF8 { valueBytes in appendText(key: keyBytes, value: valueBytes, inferTypes: false) }
        }
    }

    /// Empties the writer, keeping its storage for the next record.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// The finished object text (`{}` when empty), built in one allocation.
    func text() -> String {
        guard !bytes.isEmpty else { return "{}" }
        return bytes.withUnsafeBufferPointer { source in
            String(unsafeUninitializedCapacity: source.count + 1) { target in
                _ = target.initialize(from: source)
                target[source.count] = ASCII.closeBrace
                return source.count + 1
            }
        }
    }

    private mutating func appendEscaped(_ text: Bytes) {
        var clean = true
        for byte in text where byte < 0x20 || byte == ASCII.quote || byte == ASCII.backslash {
            clean = false
            break
        }
        if clean {
            bytes.append(contentsOf: text)
            return
        }
        let hex = StaticString("0123456789abcdef").bytes
        for byte in text {
            switch byte {
            case ASCII.quote: bytes.append(ASCII.backslash); bytes.append(ASCII.quote)
            case ASCII.backslash: bytes.append(ASCII.backslash); bytes.append(ASCII.backslash)
            case ASCII.newline: bytes.append(ASCII.backslash); bytes.append(0x6E)
            case ASCII.tab: bytes.append(ASCII.backslash); bytes.append(0x74)
            case ASCII.carriageReturn: bytes.append(ASCII.backslash); bytes.append(0x72)
            case 0..<0x20:
                bytes.append(contentsOf: [ASCII.backslash, 0x75, 0x30, 0x30])
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
    }

    private mutating func appendCompacted(_ value: Bytes) {
        var inString = false
        var escaped = false
        for byte in value {
            if inString {
                if escaped { escaped = false } else if byte == ASCII.backslash { escaped = true } else if byte == ASCII.quote { inString = false }
                bytes.append(byte)
            } else if byte == ASCII.quote {
                inString = true
                bytes.append(byte)
            } else if !ASCII.isSpace(byte) {
                bytes.append(byte)
            }
        }
    }

    /// Whether `value` is a JSON number (`-12`, `3.5`, `1e9`); leading zeros are rejected.
    static func isJSONNumber(_ value: Bytes) -> Bool {
        var i = 0
        let n = value.count
        if i < n, value[i] == ASCII.minus { i += 1 }
        guard i < n, ASCII.isDigit(value[i]) else { return false }
        if value[i] == 0x30, i + 1 < n, ASCII.isDigit(value[i + 1]) { return false }
        while i < n, ASCII.isDigit(value[i]) { i += 1 }
        if i < n, value[i] == ASCII.dot {
            i += 1
            guard i < n, ASCII.isDigit(value[i]) else { return false }
            while i < n, ASCII.isDigit(value[i]) { i += 1 }
        }
        if i < n, value[i] | 0x20 == 0x65 {
            i += 1
            if i < n, value[i] == ASCII.plus || value[i] == ASCII.minus { i += 1 }
            guard i < n, ASCII.isDigit(value[i]) else { return false }
            while i < n, ASCII.isDigit(value[i]) { i += 1 }
        }
        return i == n
    }

    private static func isLiteral(_ value: Bytes) -> Bool {
        value.elementsEqual("true".utf8) || value.elementsEqual("false".utf8)
    }
}
