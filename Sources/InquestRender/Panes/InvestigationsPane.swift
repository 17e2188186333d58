import InquestCore
import InquestText
import InquestViewModel

/// The investigations list: "All events", then each investigation with its severity and
/// status badges and the counts of linked events and notes.
enum InvestigationsPane {
    static func draw(_ state: CanvasState, in rect: Rect, into buffer: inout CellBuffer) {
        let list = state.investigations
        let focused = state.focus == .investigations
        guard rect.height > 1 else {
            drawHeader(list, focused: focused, in: rect, into: &buffer)
            return
        }
        let inner = buffer.paneFrame(rect, pane: .investigations, focused: focused, info: list.items.isEmpty ? nil : "\(list.items.count)")
        guard inner.width > 0, inner.height > 0 else { return }
        let top = list.firstVisibleRow(visibleRows: inner.height)
        for line in 0..<inner.height {
            let row = top + line
            guard row < list.rowCount else { break }
            let y = inner.y + line
            if row == 0 {
                buffer.put("All events", x: inner.x + 1, y: y, maxWidth: inner.width - 1, role: StyleRole.base)
            } else {
                drawItem(list.items[row - 1], x: inner.x, y: y, width: inner.width, into: &buffer)
            }
            if row == list.selected {
                buffer.setRole(focused ? StyleRole.selection : StyleRole.selectionUnfocused, in: Rect(x: inner.x, y: y, width: inner.width, height: 1))
            }
        }
        if let id = list.currentID, let edit = state.audit.investigationEdits[id], inner.height > list.rowCount {
            let text = (edit.action == .create ? "created by " : "last edited by ") + "\(edit.actor) " + TimeText.minute(edit.at, mode: state.timeline.timeMode, offsetSeconds: state.localOffsetSeconds)
            buffer.put(text, x: inner.x + 1, y: inner.maxY - 1, maxWidth: inner.width - 1, role: StyleRole.dim)
        }
        if list.items.isEmpty && inner.height > 2 {
            buffer.put("c: new investigation", x: inner.x + 1, y: inner.y + 2, maxWidth: inner.width - 1, role: StyleRole.dim)
        }
    }

    /// The collapsed pane (narrow or nothing to list): one line naming what the timeline is
    /// scoped to and how to open the list — `─ Investigations: Checkout outage ──── 3 · 1 to list ─`.
    static func drawHeader(_ list: InvestigationListState, focused: Bool, in rect: Rect, into buffer: inout CellBuffer) {
        guard rect.width > 0 else { return }
        let border = focused ? StyleRole.paneBorderFocused : StyleRole.paneBorder
        let titleRole = focused ? StyleRole.paneTitleFocused : StyleRole.paneTitle
        buffer.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), with: Cell(grapheme: "─", role: border))
        let hint = list.items.isEmpty ? " c: new investigation " : " \(list.items.count) · 1 to list "
        let hintWidth = DisplayWidth.of(hint)
        let title = " \(Pane.investigations.title): " + (list.current?.investigation.title ?? "All events") + " "
        let showsHint = rect.width - 2 >= hintWidth + 24
        let titleSpace = rect.width - 2 - (showsHint ? hintWidth + 1 : 0)
        guard titleSpace > 0 else { return }
        buffer.put(title, x: rect.x + 1, y: rect.y, maxWidth: titleSpace, role: titleRole)
        if showsHint {
            buffer.put(hint, x: rect.maxX - 1 - hintWidth, y: rect.y, maxWidth: hintWidth, role: StyleRole.dim)
        }
    }

    /// `SEV2 ◐ Checkout outage   12e 3n`
    static func drawItem(_ item: InvestigationSummary, x: Int, y: Int, width: Int, into buffer: inout CellBuffer) {
        let investigation = item.investigation
        buffer.put(investigation.severity.rawValue, x: x, y: y, maxWidth: 4, role: StyleRole.incidentSeverity(investigation.severity))
        buffer.put(statusGlyph(investigation.status), x: x + 5, y: y, maxWidth: 1, role: StyleRole.status(investigation.status))
        let counts = "\(item.linkedEventCount)e \(item.noteCount)n"
        let countsWidth = counts.count
        let titleWidth = width - 7 - countsWidth - 1
        if titleWidth >= 4 {
            buffer.put(investigation.title, x: x + 7, y: y, maxWidth: titleWidth, role: StyleRole.base)
            buffer.put(counts, x: x + width - countsWidth, y: y, maxWidth: countsWidth, role: StyleRole.investigationCount)
        } else {
            buffer.put(investigation.title, x: x + 7, y: y, maxWidth: width - 7, role: StyleRole.base)
        }
    }

    /// ○ open, ◐ investigating, ● resolved.
    static func statusGlyph(_ status: Investigation.Status) -> String {
        switch status {
        case .open: "○"
        case .investigating: "◐"
        case .resolved: "●"
        }
    }
}
