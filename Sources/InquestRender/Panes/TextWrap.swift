import InquestText

/// Wraps sanitised text to a number of columns (by display width, never splitting a
/// grapheme), for note bodies: between words, cutting only a run without spaces (a URL, an
/// id) wider than the width (``WordWrap``).
enum TextWrap {
    static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [text] }
        let characters = Array(text)
        return WordWrap.ranges(
            columns: characters.map(DisplayWidth.of), isBreak: { characters[$0] == " " }, room: { _ in width }
        ).map { String(characters[$0]) }
    }
}
