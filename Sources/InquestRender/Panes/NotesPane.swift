import InquestCore
import InquestText
import InquestViewModel

/// The notes of the current investigation, newest last: author, time, the event a note is
/// about, and its body.
enum NotesPane {
    static func draw(_ state: CanvasState, in rect: Rect, into buffer: inout CellBuffer) {
        let focused = state.focus == .notes
        let notes = state.notes
        let inner = buffer.paneFrame(rect, pane: .notes, focused: focused, info: notes.notes.isEmpty ? nil : "\(notes.notes.count)")
        guard inner.width > 0, inner.height > 0 else { return }
        guard state.investigations.current != nil else {
            buffer.put("Select an investigation", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 1, role: StyleRole.dim)
            return
        }
        guard !notes.notes.isEmpty else {
            buffer.put("No notes — a: add one", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 1, role: StyleRole.dim)
            return
        }
        var lines: [(note: Int, isHeader: Bool, text: String)] = []
        for (index, note) in notes.notes.enumerated() {
            if index > 0 { lines.append((index, false, "")) }
            lines.append((index, true, ""))
            for bodyLine in TextSanitizer.lines(note.body) {
                for piece in TextWrap.lines(bodyLine, width: max(1, inner.width - 2)) { lines.append((index, false, "  " + piece)) }
            }
        }
        let header = lines.firstIndex { $0.note == notes.selected && $0.isHeader } ?? 0
        let end = lines.lastIndex { $0.note == notes.selected } ?? header
        let top = max(0, min(header, end - inner.height + 1))
        for row in 0..<inner.height {
            let index = top + row
            guard index < lines.count else { break }
            let y = inner.y + row
            let line = lines[index]
            if line.isHeader {
                drawHeader(notes.notes[line.note], state: state, x: inner.x, y: y, width: inner.width, into: &buffer)
                if line.note == notes.selected {
                    buffer.setRole(focused ? StyleRole.selection : StyleRole.selectionUnfocused, in: Rect(x: inner.x, y: y, width: inner.width, height: 1))
                }
            } else {
                buffer.put(line.text, x: inner.x, y: y, maxWidth: inner.width, role: StyleRole.notesBody)
            }
        }
    }

    /// `alice 2026-11-20 10:42 → #123`
    static func drawHeader(_ note: Note, state: CanvasState, x: Int, y: Int, width: Int, into buffer: inout CellBuffer) {
        var column = x
        column += buffer.put(note.author, x: column, y: y, maxWidth: min(16, width), role: StyleRole.notesAuthor)
        column += 1
        let time = TimeText.minute(note.createdAt, mode: state.timeline.timeMode, offsetSeconds: state.localOffsetSeconds)
        guard x + width - column > 0 else { return }
        column += buffer.put(time, x: column, y: y, maxWidth: x + width - column, role: StyleRole.notesTime)
        if let eventID = note.eventID, x + width - column > 2 {
            column += buffer.put(" → #\(eventID)", x: column, y: y, maxWidth: x + width - column, role: StyleRole.notesReference)
        }
        if note.id == state.notes.selectedNote?.id, let id = note.id, let edit = state.audit.noteEdits[id], x + width - column > 8 {
            buffer.put(" · " + editedText(edit, state: state), x: column, y: y, maxWidth: x + width - column, role: StyleRole.dim)
        }
    }

    /// `edited by bob 11:02` (or `added by` when the note was never edited), from the audit trail.
    static func editedText(_ edit: AuditEntry, state: CanvasState) -> String {
        let verb = edit.action == .create ? "added" : "edited"
        let time = TimeText.minute(edit.at, mode: state.timeline.timeMode, offsetSeconds: state.localOffsetSeconds)
        return "\(verb) by \(edit.actor) \(time)"
    }
}
