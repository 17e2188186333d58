import InquestCore
import InquestViewModel

/// The `:log` overlay: the selected investigation's audit trail, oldest first — per change
/// its time, who, the action and what it touched, then each field `before → after`.
/// Every stored value goes through ``CellBuffer/put(_:x:y:maxWidth:role:truncate:)``, which
/// sanitises it.
enum AuditOverlay {
    static func draw(_ state: CanvasState, into buffer: inout CellBuffer) {
        guard let overlay = state.audit.overlay else { return }
        let rect = OverlayGeometry.centred(width: 100, height: buffer.height - 2, in: buffer)
        buffer.fill(rect, with: Cell(grapheme: " ", role: StyleRole.base))
        buffer.box(rect, title: "Log — \(overlay.title) — ESC closes, j/k scroll", role: StyleRole.overlayBorder, titleRole: StyleRole.helpTitle)
        let inner = rect.inset(by: 1)
        guard inner.width > 8, inner.height > 0 else { return }
        guard overlay.entries != nil else {
            buffer.put("Loading…", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 1, role: StyleRole.dim)
            return
        }
        let lines = overlay.lines
        guard !lines.isEmpty else {
            buffer.put("No recorded changes", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 1, role: StyleRole.dim)
            return
        }
        let scroll = max(0, min(overlay.scroll, lines.count - inner.height))
        for row in 0..<inner.height {
            let index = scroll + row
            guard index < lines.count else { break }
            draw(lines[index], state: state, x: inner.x + 1, y: inner.y + row, width: inner.width - 1, into: &buffer)
        }
    }

    private static func draw(_ line: AuditLine, state: CanvasState, x: Int, y: Int, width: Int, into buffer: inout CellBuffer) {
        switch line {
        case let .entry(at, actor, action, subject):
            var column = x
            let time = TimestampFormatter.iso8601UTC(at, fractionDigits: 0)
            column += buffer.put(time, x: column, y: y, maxWidth: width, role: StyleRole.notesTime) + 1
            column += buffer.put(actor, x: column, y: y, maxWidth: min(14, x + width - column), role: StyleRole.notesAuthor) + 1
            column += buffer.put(action, x: column, y: y, maxWidth: max(0, x + width - column), role: StyleRole.helpKey) + 1
            buffer.put(subject, x: column, y: y, maxWidth: max(0, x + width - column), role: StyleRole.base)
        case let .change(field, before, after):
            var column = x + 4
            column += buffer.put(field + ":", x: column, y: y, maxWidth: max(0, x + width - column), role: StyleRole.helpGroup) + 1
            let text: String
            switch (before, after) {
            case (nil, let after): text = after ?? ""
            case (let before?, nil): text = before + " → (deleted)"
            case let (before?, after?): text = before + " → " + after
            }
            buffer.put(text, x: column, y: y, maxWidth: max(0, x + width - column), role: StyleRole.helpText)
        }
    }
}
