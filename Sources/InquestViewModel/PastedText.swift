/// Text that arrived in one piece (a terminal's bracketed paste), made safe to insert into a
/// text field: what a paste may hold that typing cannot (line breaks, tabs, escape sequences,
/// other control characters, bidi overrides) never reaches the state raw.
public enum PastedText {
    /// The pasted lines: split at every line break (CR LF, CR, LF, NEL, U+2028, U+2029), each tab
    /// a space, every other control character (C0, DEL, C1) and bidi override or isolate removed.
    /// Text without a line break is one line; a trailing line break ends with an empty line.
    public static func lines(_ raw: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var afterCarriageReturn = false
        for scalar in raw.unicodeScalars {
            let value = scalar.value
            if value == 0x0A, afterCarriageReturn {
                afterCarriageReturn = false
                continue
            }
            afterCarriageReturn = value == 0x0D
            switch value {
            case 0x0A, 0x0D, 0x85, 0x2028, 0x2029:
                lines.append(String(current))
                current = String.UnicodeScalarView()
            case 0x09:
                current.append(" ")
            case 0x00..<0x20, 0x7F..<0xA0, 0x202A...0x202E, 0x2066...0x2069:
                continue
            default:
                current.append(scalar)
            }
        }
        lines.append(String(current))
        return lines
    }

    /// The pasted text sanitised as ``lines(_:)`` describes, its lines joined with `\n`: what a
    /// paste action carries.
    public static func sanitized(_ raw: String) -> String {
        lines(raw).joined(separator: "\n")
    }

    /// The pasted text for a one-line field: sanitised, each line break a space.
    public static func singleLine(_ raw: String) -> String {
        lines(raw).joined(separator: " ")
    }
}
