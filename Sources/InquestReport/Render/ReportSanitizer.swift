/// Makes untrusted text (titles, messages, notes, raw records) inert before any renderer adds
/// its own escaping. Scalar by scalar:
/// - C0 controls are written in caret notation — ESC as `^[`, BEL `^G`, NUL `^@` — and DEL as
///   `^?`; the rest of an escape sequence stays as visible text (`^[[31m`), so a report shows
///   that a record carried terminal escapes and no viewer (terminal, `less`, a forge, a PDF
///   reader) can act on them. Caret notation is plain ASCII: the Control Pictures the canvas
///   uses (␛) are missing from common fonts and vanished from the PDF;
/// - tab and line feed are kept where the caller allows line breaks, a CR of CRLF is dropped;
/// - C1 controls (U+0080–U+009F, including the 8-bit CSI/OSC) and the bidi embeddings,
///   overrides and isolates (U+202A–U+202E, U+2066–U+2069), which would reorder what a reader
///   sees, become "�" (U+FFFD);
/// - in single-line text every line break (LF, CR, U+2028, U+2029) becomes "⏎" and a tab a space.
///
/// Format escaping (HTML entities, Markdown punctuation) is the renderers' job, after this.
public enum ReportSanitizer {
    /// Text for one line (table cells, titles).
    public static func singleLine(_ text: String) -> String { sanitize(text, multiline: false) }

    /// Text that keeps its line breaks and tabs (note bodies, raw records).
    public static func multiline(_ text: String) -> String { sanitize(text, multiline: true) }

    static func sanitize(_ text: String, multiline: Bool) -> String {
        if isPlainASCII(text) { return text }
        var output = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let value = scalar.value
            index += 1
            switch value {
            case 0x0A, 0x2028, 0x2029:
                output.append(multiline ? "\n" : "⏎")
            case 0x0D:
                if index < scalars.count, scalars[index].value == 0x0A { continue }
                output.append(multiline ? "\n" : "⏎")
            case 0x09:
                output.append(multiline ? "\t" : " ")
            case 0x00..<0x20:
                output.append("^")
                output.append(Unicode.Scalar(0x40 + value) ?? "?")
            case 0x7F:
                output.append(contentsOf: "^?".unicodeScalars)
            case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                output.append("�")
            default:
                output.append(scalar)
            }
        }
        return String(output)
    }

    static func isPlainASCII(_ text: String) -> Bool {
        for byte in text.utf8 where byte < 0x20 || byte >= 0x7F { return false }
        return true
    }
}
