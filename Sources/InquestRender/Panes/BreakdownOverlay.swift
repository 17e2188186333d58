import InquestCore
import InquestText
import InquestViewModel

/// The `b` overlay: the window and what is counted on its first line, then the table of
/// ``BreakdownTable`` with the selected row highlighted. The previous rows stay while a new
/// grouping loads ("reading…" in the title line).
enum BreakdownOverlay {
    static func draw(_ state: CanvasState, into buffer: inout CellBuffer) {
        guard let overlay = state.breakdown else { return }
        let rect = OverlayGeometry.centred(width: buffer.width - 4, height: buffer.height - 2, in: buffer)
        buffer.fill(rect, with: Cell(grapheme: " ", role: StyleRole.base))
        buffer.box(rect, title: title(overlay), role: StyleRole.overlayBorder, titleRole: StyleRole.helpTitle)
        let inner = rect.inset(by: 1)
        guard inner.width > 4, inner.height > 2 else { return }
        let width = inner.width - 1
        let x = inner.x + 1
        guard let window = overlay.window else {
            buffer.put("No events in view to break down — change the filter or zoom out (z/Z).", x: x, y: inner.y, maxWidth: width, role: StyleRole.helpText)
            return
        }
        buffer.put(summary(overlay, window: window, state: state), x: x, y: inner.y, maxWidth: width, role: StyleRole.dim)
        guard let result = overlay.result else {
            buffer.put("Reading…", x: x, y: inner.y + 1, maxWidth: width, role: StyleRole.dim)
            return
        }
        let lines = tableLines(result, width: width)
        guard !lines.rows.isEmpty else {
            buffer.put(emptyText(overlay.mode), x: x, y: inner.y + 2, maxWidth: width, role: StyleRole.helpText)
            return
        }
        buffer.put(lines.header, x: x, y: inner.y + 1, maxWidth: width, role: StyleRole.helpGroup)
        let visible = inner.height - 2
        let scroll = max(0, min(overlay.scroll, lines.rows.count - visible))
        for row in 0..<max(0, visible) {
            let index = scroll + row
            guard index < lines.rows.count else { break }
            let role = index == overlay.selected ? StyleRole.selection : StyleRole.helpText
            buffer.putRow(lines.rows[index], x: x, y: inner.y + 2 + row, width: width, role: role)
        }
    }

    static func title(_ overlay: BreakdownOverlayState) -> String {
        let what: String
        switch overlay.mode {
        case .counts: what = "Breakdown by " + overlay.dimensions.map(\.name).joined(separator: " × ")
        case .compare: what = "Compare by " + overlay.dimensions.map(\.name).joined(separator: " × ")
        case .traces: what = "Traces by service"
        }
        let keys = "Tab group · c compare · t traces · Enter narrows · Esc"
        return what + (overlay.isLoading ? " (reading…)" : "") + " — " + keys
    }

    /// `10:00:00 … 10:15:00 UTC (15m) · 4,665 events, 12 errors · 7 groups`, with the baseline in compare modes.
    static func summary(_ overlay: BreakdownOverlayState, window: Range<Timestamp>, state: CanvasState) -> String {
        var text = range(window)
        switch overlay.result {
        case .counts(let breakdown)?:
            text += " · \(breakdown.total.events.grouped) events, \(breakdown.total.errors.grouped) errors · \(breakdown.groupCount.grouped) groups"
        case .compare(let comparison)?:
            text += " vs \(range(comparison.baselineWindow)) · \(comparison.windowTotal.events.grouped) events now, \(comparison.baselineTotal.events.grouped) before"
        case .traces(let traces)?:
            text += " vs \(range(traces.baselineWindow)) · \(traces.rows.count.grouped) services"
        case nil:
            break
        }
        if !state.filterBar.applied.isEverything { text += " · " + TextSanitizer.singleLine(state.filterBar.applied.text) }
        return text
    }

    static func range(_ window: Range<Timestamp>) -> String {
        let sameDay = window.lowerBound.nanoseconds / 86_400_000_000_000 == (window.upperBound.nanoseconds - 1) / 86_400_000_000_000
        let end = sameDay ? TimestampFormatter.clock(window.upperBound, milliseconds: false) : TimestampFormatter.iso8601UTC(window.upperBound, fractionDigits: 0)
        return TimestampFormatter.iso8601UTC(window.lowerBound, fractionDigits: 0) + " … " + end
    }

    static func tableLines(_ result: BreakdownResult, width: Int) -> BreakdownTable.Lines {
        switch result {
        case .counts(let breakdown): BreakdownTable.lines(breakdown, maxWidth: width)
        case .compare(let comparison): BreakdownTable.lines(comparison, maxWidth: width)
        case .traces(let traces): BreakdownTable.lines(traces, maxWidth: width)
        }
    }

    static func emptyText(_ mode: BreakdownOverlayState.Mode) -> String {
        switch mode {
        case .counts, .compare: "No events match the filter in this window."
        case .traces: "No spans start in this window or the one before."
        }
    }
}
