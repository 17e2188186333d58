/// Decodes the contents of a JSON string literal (between the quotes) to a Swift `String`.
/// Invalid escapes are kept literally and lone surrogates become U+FFFD: a log line is never
/// rejected for a bad escape inside a value.
enum JSONStringDecoder {
    static func decode(_ b: Bytes, _ start: Int, _ end: Int) -> String {
        guard b.firstIndex(of: ASCII.backslash, from: start, to: end) != nil else { return b.string(start, end) }
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var i = start
        while i < end {
            let byte = b[i]
            guard byte == ASCII.backslash, i + 1 < end else {
                out.append(byte)
                i += 1
                continue
            }
            let escape = b[i + 1]
            i += 2
            switch escape {
            case 0x6E: out.append(ASCII.newline)
            case 0x74: out.append(ASCII.tab)
            case 0x72: out.append(ASCII.carriageReturn)
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x75:
                guard let unit = hex4(b, i, end) else {
                    out.append(ASCII.backslash)
                    out.append(escape)
                    continue
                }
                i += 4
                var scalarValue = UInt32(unit)
                if (0xD800...0xDBFF).contains(unit) {
                    if i + 6 <= end, b[i] == ASCII.backslash, b[i + 1] == 0x75, let low = hex4(b, i + 2, end),
                       (0xDC00...0xDFFF).contains(low) {
                        scalarValue = 0x10000 + (UInt32(unit) - 0xD800) << 10 + (UInt32(low) - 0xDC00)
                        i += 6
                    } else {
                        scalarValue = 0xFFFD
                    }
                } else if (0xDC00...0xDFFF).contains(unit) {
                    scalarValue = 0xFFFD
                }
                let scalar = Unicode.Scalar(scalarValue) ?? "\u{FFFD}"
                out.append(contentsOf: String(Character(scalar)).utf8)
            default: out.append(escape)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hex4(_ b: Bytes, _ start: Int, _ end: Int) -> UInt16? {
        guard start + 4 <= end else { return nil }
        var value: UInt16 = 0
        for i in start..<(start + 4) {
            let byte = b[i]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x61...0x66: digit = byte - 0x61 + 10
            case 0x41...0x46: digit = byte - 0x41 + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }
}
