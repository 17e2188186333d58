/// A single-line editable text with a caret, shared by the filter bar, the prompts and
/// the investigation form. The caret counts `Character`s (grapheme clusters), not columns.
public struct TextField: Sendable, Hashable {
    /// The text being edited.
    public var text: String
    /// Insertion point, 0...text.count.
    public var caret: Int

    public init(_ text: String = "", caret: Int? = nil) {
        self.text = text
        self.caret = min(max(0, caret ?? text.count), text.count)
    }

    /// Applies an editing key: the line-editing keys of readline (bash, lnav, k9s's prompt):
    /// `Ctrl-A`/`Home` and `Ctrl-E`/`End` to the ends, `Ctrl-B`/`Ctrl-F`/arrows by a character,
    /// `Alt-B`/`Alt-F` by a word, `Ctrl-W` deletes the word before the caret, `Alt-D` the word
    /// after it, `Ctrl-U` everything before it, `Ctrl-K` everything after it. Returns false
    /// when the key is not an editing key (Enter, ESC, Tab, Up/Down...), so the caller can handle it.
    public mutating func apply(_ key: KeyPress) -> Bool {
        switch key {
        case .character(let character):
            insert(character)
        case .left, .control("b"):
            caret = max(0, caret - 1)
        case .right, .control("f"):
            caret = min(text.count, caret + 1)
        case .home, .control("a"):
            caret = 0
        case .end, .control("e"):
            caret = text.count
        case .alt("b"):
            caret = wordStart(before: caret)
        case .alt("f"):
            caret = wordEnd(after: caret)
        case .backspace, .control("h"):
            guard caret > 0 else { return true }
            remove(caret - 1..<caret)
        case .delete, .control("d"):
            guard caret < text.count else { return true }
            remove(caret..<caret + 1)
        case .control("w"):
            // As readline's unix-word-rubout: back over spaces, then to the previous space.
            let characters = Array(text)
            var start = caret
            while start > 0, characters[start - 1].isWhitespace { start -= 1 }
            while start > 0, !characters[start - 1].isWhitespace { start -= 1 }
            remove(start..<caret)
        case .alt("d"):
            remove(caret..<wordEnd(after: caret))
        case .control("u"):
            remove(0..<caret)
        case .control("k"):
            remove(caret..<text.count)
        default:
            return false
        }
        return true
    }

    /// Removes the characters in `range` (offsets in `Character`s); the caret stays before them.
    public mutating func remove(_ range: Range<Int>) {
        let lower = min(max(0, range.lowerBound), text.count)
        let upper = min(max(lower, range.upperBound), text.count)
        guard lower < upper else { return }
        let start = text.index(text.startIndex, offsetBy: lower)
        let end = text.index(start, offsetBy: upper - lower)
        text.removeSubrange(start..<end)
        caret = caret > upper ? caret - (upper - lower) : min(caret, lower)
    }

    /// Replaces the characters in `range` with `replacement` and puts the caret after it.
    public mutating func replace(_ range: Range<Int>, with replacement: String) {
        remove(range)
        caret = min(max(0, range.lowerBound), text.count)
        insert(replacement)
    }

    /// Where `Alt-B` goes: the start of the word (letters and digits) before `offset`.
    func wordStart(before offset: Int) -> Int {
        let characters = Array(text)
        var index = min(offset, characters.count)
        while index > 0, !Self.isWordCharacter(characters[index - 1]) { index -= 1 }
        while index > 0, Self.isWordCharacter(characters[index - 1]) { index -= 1 }
        return index
    }

    /// Where `Alt-F` goes: the end of the word (letters and digits) after `offset`.
    func wordEnd(after offset: Int) -> Int {
        let characters = Array(text)
        var index = max(0, offset)
        while index < characters.count, !Self.isWordCharacter(characters[index]) { index += 1 }
        while index < characters.count, Self.isWordCharacter(characters[index]) { index += 1 }
        return index
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    /// Inserts `string` at the caret as one edit and moves the caret after it (a paste): one
    /// splice of the text, however long `string` is.
    public mutating func insert(_ string: String) {
        guard !string.isEmpty else { return }
        let index = text.index(text.startIndex, offsetBy: caret)
        let head = String(text[..<index]) + string
        text = head + text[index...]
        caret = min(head.count, text.count)
    }

    /// Inserts one character at the caret.
    public mutating func insert(_ character: Character) {
        let index = text.index(text.startIndex, offsetBy: caret)
        text.insert(character, at: index)
        caret += 1
    }
}
