import InquestText
import InquestViewModel

/// The in-canvas note editor: a box with the text, the caret cell marked, and the keys.
enum NoteEditorOverlay {
    static func draw(_ state: CanvasState, into buffer: inout CellBuffer) {
        guard let editor = state.editor else { return }
        let rect = OverlayGeometry.centred(width: 72, height: max(8, buffer.height - 8), in: buffer)
        buffer.fill(rect, with: Cell(grapheme: " ", role: StyleRole.editorText))
        var title = editor.noteID == nil ? "New note" : "Edit note"
        if let eventID = editor.eventID { title += " about #\(eventID)" }
        buffer.box(rect, title: title, role: StyleRole.editorBorder, titleRole: StyleRole.editorBorder)
        let inner = rect.inset(by: 1)
        guard inner.height > 1, inner.width > 1 else { return }
        let textRows = inner.height - 1
        let top = max(0, editor.row - textRows + 1)
        for row in 0..<textRows {
            let index = top + row
            guard index < editor.lines.count else { break }
            buffer.put(editor.lines[index], x: inner.x, y: inner.y + row, maxWidth: inner.width, role: StyleRole.editorText)
        }
        let line = Array(editor.lines[editor.row])
        let caretX = inner.x + DisplayWidth.of(TextSanitizer.singleLine(String(line.prefix(editor.column))))
        if caretX < inner.maxX {
            buffer.setRole(StyleRole.editorCursor, in: Rect(x: caretX, y: inner.y + editor.row - top, width: 1, height: 1))
        }
        buffer.put("Ctrl-S save · Ctrl-R cite event · ESC cancel · Enter newline", x: inner.x, y: inner.maxY - 1, maxWidth: inner.width, role: StyleRole.dim)
    }
}
