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

    /// Applies an editing key. Returns false when the key is not an editing key
    /// (Enter, ESC, Tab, Up/Down...), so the caller can handle it.
    public mutating func apply(_ key: KeyPress) -> Bool {
        switch key {
        case .character(let character):
            insert(character)
        case .left:
            caret = max(0, caret - 1)
        case .right:
            caret = min(text.count, caret + 1)
        case .home, .control("a"):
            caret = 0
        case .end, .control("e"):
            caret = text.count
        case .backspace:
            guard caret > 0 else { return true }
            let index = text.index(text.startIndex, offsetBy: caret - 1)
            text.remove(at: index)
            caret -= 1
        case .delete:
            guard caret < text.count else { return true }
            let index = text.index(text.startIndex, offsetBy: caret)
            text.remove(at: index)
        case .control("u"):
            text = ""
            caret = 0
        default:
            return false
        }
        return true
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
