/// The in-canvas multi-line note editor (`a`): Enter inserts a newline, Ctrl-R cites the
/// selected event (`[[event:ID]]`), Ctrl-S saves, ESC cancels.
public struct NoteEditorState: Sendable, Hashable {
    /// The text as lines (never empty: an empty note is one empty line).
    public var lines: [String]
    /// Caret line index.
    public var row: Int
    /// Caret position in `Character`s within the line.
    public var column: Int
    /// The note being edited; nil for a new note.
    public var noteID: Int64?
    /// The investigation the note belongs to.
    public var investigationID: Int64
    /// The event the note references, if any.
    public var eventID: Int64?

    public init(text: String = "", noteID: Int64? = nil, investigationID: Int64, eventID: Int64? = nil) {
        let split = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        self.lines = split.isEmpty ? [""] : split
        self.row = lines.count - 1
        self.column = lines[lines.count - 1].count
        self.noteID = noteID
        self.investigationID = investigationID
        self.eventID = eventID
    }

    /// The whole text, lines joined with `\n`.
    public var text: String { lines.joined(separator: "\n") }

    /// Inserts text (without line breaks) at the caret and moves the caret after it.
    public mutating func insert(_ text: String) {
        for character in text where character != "\n" { _ = apply(.character(character)) }
    }

    /// Inserts pasted lines at the caret as one edit (the first joins the caret's line, the
    /// last takes the rest of it) and moves the caret to the end of the pasted text.
    public mutating func paste(_ pasted: [String]) {
        guard let first = pasted.first, let last = pasted.last, pasted != [""] else { return }
        let line = lines[row]
        let split = line.index(line.startIndex, offsetBy: column)
        let before = String(line[..<split])
        let after = line[split...]
        if pasted.count == 1 {
            lines[row] = before + first + after
            column = min((before + first).count, lines[row].count)
            return
        }
        let rest = last + after
        lines.replaceSubrange(row...row, with: [before + first] + Array(pasted.dropFirst().dropLast()) + [rest])
        row += pasted.count - 1
        column = min(last.count, rest.count)
    }

    /// Applies an editing key; returns false for keys the editor does not handle.
    public mutating func apply(_ key: KeyPress) -> Bool {
        switch key {
        case .character(let character):
            var line = lines[row]
            line.insert(character, at: line.index(line.startIndex, offsetBy: column))
            lines[row] = line
            column += 1
        case .enter:
            let line = lines[row]
            let split = line.index(line.startIndex, offsetBy: column)
            lines[row] = String(line[..<split])
            lines.insert(String(line[split...]), at: row + 1)
            row += 1
            column = 0
        case .tab:
            for _ in 0..<4 { _ = apply(.character(" ")) }
        case .backspace:
            if column > 0 {
                var line = lines[row]
                line.remove(at: line.index(line.startIndex, offsetBy: column - 1))
                lines[row] = line
                column -= 1
            } else if row > 0 {
                let removed = lines.remove(at: row)
                row -= 1
                column = lines[row].count
                lines[row] += removed
            }
        case .delete:
            if column < lines[row].count {
                var line = lines[row]
                line.remove(at: line.index(line.startIndex, offsetBy: column))
                lines[row] = line
            } else if row + 1 < lines.count {
                lines[row] += lines.remove(at: row + 1)
            }
        case .left:
            if column > 0 {
                column -= 1
            } else if row > 0 {
                row -= 1
                column = lines[row].count
            }
        case .right:
            if column < lines[row].count {
                column += 1
            } else if row + 1 < lines.count {
                row += 1
                column = 0
            }
        case .up:
            guard row > 0 else { return true }
            row -= 1
            column = min(column, lines[row].count)
        case .down:
            guard row + 1 < lines.count else { return true }
            row += 1
            column = min(column, lines[row].count)
        case .home, .control("a"):
            column = 0
        case .end, .control("e"):
            column = lines[row].count
        default:
            return false
        }
        return true
    }
}
