/// The one function that says how many terminal columns text occupies.
///
/// Widths are measured per grapheme cluster (`Character`):
/// - printable ASCII is 1 column (a fast path: no Unicode tables are consulted for pure ASCII);
/// - a cluster counts as its base scalar, so combining marks, variation selectors and ZWJ
///   continuations add nothing (`e` + U+0301 is 1 column);
/// - East Asian Wide and Fullwidth scalars are 2 columns (CJK, Hangul, kana, `：`);
/// - emoji presentation is 2 columns: emoji that are wide by default (😀), text-default emoji
///   followed by U+FE0F, ZWJ sequences (👩‍💻) and regional-indicator flags (🇫🇷);
/// - clusters made only of zero-width scalars (U+200B, a lone ZWJ, a lone combining mark) are 0;
/// - controls (C0, C1, DEL, and a tab on its own) are 0: they are never drawn raw.
///
/// Strings are measured as the renderer's `CellBuffer.put` draws them, i.e. after
/// ``TextSanitizer/singleLine(_:)``: a tab counts as the spaces it expands to, an ESC sequence
/// as nothing, a newline as the one-column "⏎".
public enum DisplayWidth {
    /// The display width of `text` once sanitized for a single line.
    public static func of(_ text: String) -> Int {
        if let ascii = printableASCIIWidth(text) { return ascii }
        var total = 0
        for grapheme in TextSanitizer.singleLine(text) { total += of(grapheme) }
        return total
    }

    /// The display width of one grapheme cluster: 0, 1 or 2 (controls, including tab, are 0).
    public static func of(_ grapheme: Character) -> Int {
        if let ascii = grapheme.asciiValue { return ascii >= 0x20 && ascii < 0x7F ? 1 : 0 }
        let scalars = grapheme.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if isZeroWidthOrControl(first) { return 0 }
        if isWide(first.value) { return 2 }
        if isRegionalIndicator(first.value) {
            return scalars.count >= 2 ? 2 : 1
        }
        if first.properties.isEmoji, scalars.count > 1 {
            for scalar in scalars.dropFirst() where scalar.value == 0xFE0F || scalar.value == 0x200D {
                return 2
            }
        }
        return 1
    }

    /// Cuts sanitized `text` to at most `columns` display columns, ending with "…" when anything
    /// was cut. A double-width grapheme that would straddle the limit is dropped (the result may
    /// then be one column narrower than `columns`).
    public static func truncate(_ text: String, to columns: Int) -> String {
        guard columns > 0 else { return "" }
        let clean = TextSanitizer.singleLine(text)
        if let ascii = printableASCIIWidth(clean) {
            if ascii <= columns { return clean }
            return String(decoding: clean.utf8.prefix(columns - 1), as: UTF8.self) + "…"
        }
        if of(clean) <= columns { return clean }
        var result = ""
        var used = 0
        for grapheme in clean {
            let width = of(grapheme)
            if used + width > columns - 1 { break }
            result.append(grapheme)
            used += width
        }
        return result + "…"
    }

    /// Sanitizes `text`, truncates it to `columns` (with "…") if it is wider, and pads it with
    /// spaces to exactly `columns` display columns.
    public static func pad(_ text: String, to columns: Int) -> String {
        let cut = truncate(text, to: columns)
        let width = of(cut)
        guard width < columns else { return cut }
        return cut + String(repeating: " ", count: columns - width)
    }

    /// The width of `text` when it is made only of printable ASCII (one column per byte), else nil.
    @inline(__always)
    package static func printableASCIIWidth(_ text: String) -> Int? {
        var count = 0
        for byte in text.utf8 {
            guard byte >= 0x20 && byte < 0x7F else { return nil }
            count += 1
        }
        return count
    }

    static func isZeroWidthOrControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 || (value >= 0x7F && value < 0xA0) { return true }
        if (value >= 0x1160 && value <= 0x11FF) || (value >= 0xD7B0 && value <= 0xD7FF) { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return true
        default: return false
        }
    }

    static func isRegionalIndicator(_ value: UInt32) -> Bool {
        value >= 0x1F1E6 && value <= 0x1F1FF
    }

    /// Binary search over ``wideRanges``.
    static func isWide(_ value: UInt32) -> Bool {
        if value < 0x1100 { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = wideRanges[mid]
            if value < range.0 {
                high = mid - 1
            } else if value > range.1 {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}
