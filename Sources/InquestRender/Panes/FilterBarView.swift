import InquestCore
import InquestText
import InquestViewModel

/// The row above the status line: the filter being edited (with its caret), an open
/// `:`/`@`/tag prompt, or the applied filter.
enum FilterBarView {
    static func draw(_ state: CanvasState, in rect: Rect, into buffer: inout CellBuffer) {
        buffer.fill(rect, with: Cell(grapheme: " ", role: StyleRole.filterbar))
        if let prompt = state.prompt {
            drawField(prefix: prompt.kind.prefix, field: prompt.field, in: rect, into: &buffer)
            return
        }
        if let editing = state.filterBar.editing {
            drawField(prefix: "/", field: editing, in: rect, into: &buffer)
            return
        }
        let applied = state.filterBar.applied.text
        var x = rect.x + buffer.put("/", x: rect.x, y: rect.y, maxWidth: rect.width, role: StyleRole.filterbarPrompt)
        if let search = state.timeline.search {
            // What `n`/`N` look for, beside the filter they search within.
            let shown = applied.isEmpty ? "" : applied + "  "
            x += buffer.put(shown, x: x, y: rect.y, maxWidth: rect.maxX - x, role: StyleRole.filterbar)
            buffer.put("search: \(search.text) (n/N, Ctrl-S)", x: x, y: rect.y, maxWidth: rect.maxX - x, role: StyleRole.dim)
        } else if applied.isEmpty {
            buffer.put("filter: / to edit, e.g. service:api severity>=error timeout", x: x, y: rect.y, maxWidth: rect.maxX - x, role: StyleRole.dim)
        } else {
            buffer.put(applied, x: x, y: rect.y, maxWidth: rect.maxX - x, role: StyleRole.filterbar)
        }
    }

    /// Draws `prefix` then the field's text, keeping the caret on screen, caret cell marked.
    static func drawField(prefix: String, field: TextField, in rect: Rect, into buffer: inout CellBuffer) {
        let start = rect.x + buffer.put(prefix, x: rect.x, y: rect.y, maxWidth: rect.width, role: StyleRole.filterbarPrompt)
        let available = rect.maxX - start - 1
        guard available > 0 else { return }
        let characters = Array(field.text)
        // Scroll horizontally so the caret stays visible.
        let skip = scrollOffset(characters, caret: field.caret, available: available)
        let visible = String(characters[skip...])
        buffer.put(visible, x: start, y: rect.y, maxWidth: available, role: StyleRole.filterbar)
        let caretX = start + DisplayWidth.of(TextSanitizer.singleLine(String(characters[skip..<field.caret])))
        buffer.setRole(StyleRole.filterbarCaret, in: Rect(x: caretX, y: rect.y, width: 1, height: 1))
    }

    /// How many characters to skip so the text before the caret fits in `available` columns: the
    /// fewest that do. Walks back from the caret only as far as the visible text reaches, adding
    /// each character's `width`, so a frame costs the line's length once plus the visible width,
    /// not the line's length squared. Text with characters that sanitising changes in context
    /// (controls, tabs, escape sequences, line breaks), which typing and pasting never insert,
    /// is measured as drawn, in one piece per candidate, as before.
    static func scrollOffset(
        _ characters: [Character], caret: Int, available: Int, width: (Character) -> Int = DisplayWidth.of
    ) -> Int {
        // An escape sequence can swallow what follows it, so one anywhere before the caret
        // makes every candidate's width depend on where it starts.
        if characters[..<caret].contains(where: needsContext) {
            return measuredScrollOffset(characters, caret: caret, available: available)
        }
        var skip = caret
        var used = 0
        while skip > 0 {
            let columns = width(characters[skip - 1])
            if used + columns > available { break }
            used += columns
            skip -= 1
        }
        return skip
    }

    /// ``scrollOffset(_:caret:available:width:)`` measuring each candidate's whole text.
    private static func measuredScrollOffset(_ characters: [Character], caret: Int, available: Int) -> Int {
        var skip = 0
        while DisplayWidth.of(String(characters[skip..<caret])) > available, skip < caret { skip += 1 }
        return skip
    }

    /// True for a character whose drawn width depends on its neighbours once sanitised.
    private static func needsContext(_ character: Character) -> Bool {
        if let ascii = character.asciiValue { return ascii < 0x20 || ascii == 0x7F }
        return character.unicodeScalars.contains { scalar in
            switch scalar.value {
            case 0x00..<0x20, 0x7F..<0xA0, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
            default: false
            }
        }
    }

    /// The column (in cells) under which the 1-based `column` of the filter text sits.
    static func caretColumn(for column: Int, in text: String, from x: Int) -> Int {
        let prefix = String(text.prefix(max(0, column - 1)))
        return x + DisplayWidth.of(TextSanitizer.singleLine(prefix))
    }
}
