/// Neutralises untrusted text (log lines, commit messages, JSON fields) before it reaches a cell.
///
/// Everything the canvas draws passes through here, so no input can move the cursor, change
/// colours, set the window title, reorder text or fake a line. The choices, scalar by scalar:
/// - printable ASCII and other printable Unicode pass through unchanged (a fast path returns
///   pure printable ASCII as is);
/// - ESC-introduced sequences are **removed whole**: CSI (`ESC [` … final byte 0x40–0x7E, e.g. the
///   colour codes in coloured logs), OSC (`ESC ]` … BEL or `ESC \`), DCS/SOS/PM/APC (`ESC P`, `ESC X`,
///   `ESC ^`, `ESC _` … `ESC \`), and two/three-byte escapes (`ESC (B`, `ESC c`). The 8-bit forms
///   U+009B (CSI), U+009D (OSC), U+0090/0098/009E/009F (DCS/SOS/PM/APC) are removed the same way.
///   Removing them keeps coloured logs readable instead of littering them with `[31m`;
/// - an ESC that starts no complete sequence (at the end of the text, or an OSC/DCS with no
///   terminator) becomes "␛" (U+241B) and the text after it stays visible;
/// - other C0 controls become their visible Control Pictures (NUL → "␀", BEL → "␇", BS → "␈", …),
///   so an investigator sees that they were there; DEL becomes "␡";
/// - other C1 controls (U+0080–U+009F) become "�" (U+FFFD): they have no picture;
/// - bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are removed: terminals
///   that honour them would display text in an order that differs from its content;
/// - a tab expands to spaces up to the next multiple of ``tabWidth`` columns, counted from the
///   start of the line;
/// - in ``singleLine(_:)`` each line break (`\n`, `\r\n`, a lone `\r`, U+2028, U+2029) becomes "⏎";
///   ``lines(_:)`` splits there instead.
public enum TextSanitizer {
    /// Tab stops are every `tabWidth` columns (4: narrow panes, stack traces indented by one tab).
    public static let tabWidth = 4

    /// The text sanitized for drawing on one row; line breaks become "⏎".
    public static func singleLine(_ text: String) -> String {
        if isPrintableASCII(text) { return text }
        var output = String.UnicodeScalarView()
        var column = 0
        sanitize(text.unicodeScalars[...], into: &output, column: &column) { output, column in
            output.append("⏎")
            column += 1
        }
        return String(output)
    }

    /// The text split into lines at `\n`, `\r\n`, a lone `\r`, U+2028 and U+2029, each line
    /// sanitized like ``singleLine(_:)``. A trailing line break does not add an empty last line;
    /// empty text gives one empty line.
    public static func lines(_ text: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        var column = 0
        sanitize(text.unicodeScalars[...], into: &current, column: &column) { current, column in
            result.append(String(current))
            current = String.UnicodeScalarView()
            column = 0
        }
        if !current.isEmpty || result.isEmpty { result.append(String(current)) }
        return result
    }

    static func isPrintableASCII(_ text: String) -> Bool {
        for byte in text.utf8 where byte < 0x20 || byte >= 0x7F { return false }
        return true
    }

    /// Walks `scalars`, appending sanitized output and calling `lineBreak` at each line break.
    /// `column` tracks the display column within the current line, for tab stops.
    private static func sanitize(
        _ input: Substring.UnicodeScalarView,
        into output: inout String.UnicodeScalarView,
        column: inout Int,
        lineBreak: (inout String.UnicodeScalarView, inout Int) -> Void
    ) {
        var scalars = input
        while let scalar = scalars.first {
            scalars.removeFirst()
            let value = scalar.value
            switch value {
            case 0x0A, 0x2028, 0x2029:
                lineBreak(&output, &column)
            case 0x0D:
                if scalars.first?.value == 0x0A { scalars.removeFirst() }
                lineBreak(&output, &column)
            case 0x09:
                let spaces = tabWidth - column % tabWidth
                for _ in 0..<spaces { output.append(" ") }
                column += spaces
            case 0x1B:
                if !skipEscapeSequence(&scalars) {
                    output.append("\u{241B}")
                    column += 1
                }
            case 0x9B:
                skipControlSequence(&scalars)
            case 0x9D, 0x90, 0x98, 0x9E, 0x9F:
                if !skipStringSequence(&scalars) {
                    output.append("\u{FFFD}")
                    column += 1
                }
            case 0x00..<0x20:
                output.append(Unicode.Scalar(0x2400 + value) ?? "\u{FFFD}")
                column += 1
            case 0x7F:
                output.append("\u{2421}")
                column += 1
            case 0x80..<0xA0:
                output.append("\u{FFFD}")
                column += 1
            case 0x202A...0x202E, 0x2066...0x2069:
                continue
            default:
                output.append(scalar)
                // Columns only matter for tab stops; an approximation per scalar is enough there.
                if value < 0x1100 || !DisplayWidth.isWide(value) {
                    if !DisplayWidth.isZeroWidthOrControl(scalar) { column += 1 }
                } else {
                    column += 2
                }
            }
        }
    }

    /// Consumes what follows an ESC. Returns false, consuming nothing, for a lone ESC
    /// or an unterminated string sequence.
    private static func skipEscapeSequence(_ scalars: inout Substring.UnicodeScalarView) -> Bool {
        let before = scalars
        guard let next = scalars.first else { return false }
        scalars.removeFirst()
        switch next.value {
        case 0x5B:  // [ → CSI
            skipControlSequence(&scalars)
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F:  // ] P X ^ _ → OSC, DCS, SOS, PM, APC
            if !skipStringSequence(&scalars) {
                scalars = before
                return false
            }
        case 0x20...0x2F:  // intermediate bytes, then one final byte (ESC ( B)
            while let byte = scalars.first, byte.value >= 0x20 && byte.value <= 0x2F { scalars.removeFirst() }
            if let final = scalars.first, final.value >= 0x30 && final.value <= 0x7E { scalars.removeFirst() }
        default:
            break  // a two-byte escape such as ESC c, ESC 7, ESC =: both bytes are dropped
        }
        return true
    }

    /// Skips CSI parameter/intermediate bytes up to and including the final byte (0x40–0x7E).
    /// Stops early (keeping the scalar) at anything that cannot be part of a CSI sequence.
    private static func skipControlSequence(_ scalars: inout Substring.UnicodeScalarView) {
        while let scalar = scalars.first {
            let value = scalar.value
            if value >= 0x20 && value <= 0x3F {
                scalars.removeFirst()
            } else if value >= 0x40 && value <= 0x7E {
                scalars.removeFirst()
                return
            } else {
                return
            }
        }
    }

    /// Skips a string sequence body up to its terminator: BEL, ST (`ESC \`) or U+009C.
    /// Returns false and consumes nothing when the sequence is unterminated, so the text after
    /// it stays visible (a terminal would swallow it; hiding evidence is worse here).
    @discardableResult
    private static func skipStringSequence(_ scalars: inout Substring.UnicodeScalarView) -> Bool {
        var rest = scalars
        while let scalar = rest.first {
            rest.removeFirst()
            switch scalar.value {
            case 0x07, 0x9C:
                scalars = rest
                return true
            case 0x1B:
                if rest.first?.value == 0x5C { rest.removeFirst() }
                scalars = rest
                return true
            default:
                continue
            }
        }
        return false
    }
}
