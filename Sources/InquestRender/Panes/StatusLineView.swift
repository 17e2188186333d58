import InquestCore
import InquestText
import InquestViewModel

/// The bottom row: a filter error pointing at its column, else the last message, else the
/// progress of the opened files' ingest, else key hints; the cursor's position on the right,
/// and left of it the team database's link when there is one (`team offline, 3 pending`).
enum StatusLineView {
    static let hints: [(key: String, text: String)] = [("?", "help"), ("/", "filter"), (":", "command"), ("Tab", "pane"), ("q", "quit")]

    static func draw(_ state: CanvasState, in rect: Rect, into buffer: inout CellBuffer) {
        buffer.fill(rect, with: Cell(grapheme: " ", role: StyleRole.statusbar))
        if let problem = state.filterBar.problem, let editing = state.filterBar.editing {
            let x = FilterBarView.caretColumn(for: problem.column, in: editing.text, from: rect.x + 1)
            buffer.put("^ column \(problem.column): \(problem.message)", x: min(x, rect.maxX - 1), y: rect.y, maxWidth: rect.maxX - min(x, rect.maxX - 1), role: StyleRole.filterbarError)
            return
        }
        var x = rect.x
        if let status = state.status {
            x += buffer.put(" " + status.text, x: x, y: rect.y, maxWidth: rect.width, role: status.kind == .error ? StyleRole.statusbarError : StyleRole.statusbarInfo)
        } else if let ingest = state.ingest {
            let (text, isError) = ingestText(ingest)
            x += buffer.put(" " + text, x: x, y: rect.y, maxWidth: rect.width, role: isError ? StyleRole.statusbarError : StyleRole.statusbarInfo)
        } else {
            for hint in hints {
                guard rect.maxX - x > 0 else { break }
                x += buffer.put(" " + hint.key, x: x, y: rect.y, maxWidth: rect.maxX - x, role: StyleRole.statusbarKey)
                guard rect.maxX - x > 0 else { break }
                x += buffer.put(" " + hint.text, x: x, y: rect.y, maxWidth: rect.maxX - x, role: StyleRole.statusbar)
            }
        }
        var right = rect.maxX
        let position = positionText(state)
        let width = DisplayWidth.of(position)
        if right - x > width + 2 {
            buffer.put(position, x: right - width, y: rect.y, maxWidth: width, role: StyleRole.statusbar)
            right -= width
        }
        // The team database's link, left of the position: an error colour while offline.
        if let team = state.team {
            let text = team.text + " · "
            let teamWidth = DisplayWidth.of(text)
            if right - x > teamWidth + 2 {
                buffer.put(text, x: right - teamWidth, y: rect.y, maxWidth: teamWidth,
                           role: team.isOnline ? StyleRole.statusbar : StyleRole.statusbarError)
            }
        }
    }

    /// `#1234 · 10:42:01 UTC` — the selected event.
    static func positionText(_ state: CanvasState) -> String {
        guard let row = state.timeline.cursorRow else { return "" }
        return "#\(row.id) · \(TimeText.minute(row.timestamp, mode: state.timeline.timeMode == .local ? .local : .utc, offsetSeconds: state.localOffsetSeconds)) "
    }
}
