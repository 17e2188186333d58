import InquestCore
import InquestViewModel

/// Every field of the selected event, the attributes pretty-printed and coloured, the raw
/// record, its links and notes (the lines ``DetailState`` keeps wrapped to the pane).
enum DetailsPane {
    static func draw(_ state: CanvasState, in rect: Rect, into buffer: inout CellBuffer) {
        let focused = state.focus == .details
        let inner = buffer.paneFrame(rect, pane: .details, focused: focused)
        guard inner.width > 0, inner.height > 0 else { return }
        guard let detail = state.details.detail, detail.event.id == state.timeline.cursorID else {
            let text = state.timeline.cursorID == nil ? "No event selected" : "Loading…"
            buffer.put(text, x: inner.x + 1, y: inner.y, maxWidth: inner.width - 1, role: StyleRole.dim)
            return
        }
        let lines = state.details.lines
        let scroll = max(0, min(state.details.scroll, lines.count - inner.height))
        for line in 0..<inner.height {
            let index = scroll + line
            guard index < lines.count else { break }
            var x = inner.x
            for span in lines[index] {
                let remaining = inner.maxX - x
                guard remaining > 0 else { break }
                x += buffer.put(span.text, x: x, y: inner.y + line, maxWidth: remaining, role: StyleRole.detail(span.kind))
            }
        }
    }
}
