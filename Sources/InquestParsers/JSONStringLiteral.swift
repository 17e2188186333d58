/// Writes JSON string literals for the attribute text the parsers build (and the CLI's JSON lines).
public enum JSONStringLiteral {
    /// Appends `value` as a JSON string literal, escaping quotes, backslashes and control
    /// characters only (non-ASCII text such as CJK stays as UTF-8).
    public static func append(_ value: String, to out: inout String) {
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
