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
        let x = rect.x + buffer.put("/", x: rect.x, y: rect.y, maxWidth: rect.width, role: StyleRole.filterbarPrompt)
        if applied.isEmpty {
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
        var skip = 0
        while DisplayWidth.of(String(characters[skip..<field.caret])) > available, skip < field.caret { skip += 1 }
        let visible = String(characters[skip...])
        buffer.put(visible, x: start, y: rect.y, maxWidth: available, role: StyleRole.filterbar)
        let caretX = start + DisplayWidth.of(TextSanitizer.singleLine(String(characters[skip..<field.caret])))
        buffer.setRole(StyleRole.filterbarCaret, in: Rect(x: caretX, y: rect.y, width: 1, height: 1))
    }

    /// The column (in cells) under which the 1-based `column` of the filter text sits.
    static func caretColumn(for column: Int, in text: String, from x: Int) -> Int {
        let prefix = String(text.prefix(max(0, column - 1)))
        return x + DisplayWidth.of(TextSanitizer.singleLine(prefix))
    }
}
