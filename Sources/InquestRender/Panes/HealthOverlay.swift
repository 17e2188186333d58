import InquestCore
import InquestViewModel

/// The `H` overlay: one row per watcher feed (state, circuit, last success, lag, rates,
/// errors, dead letters, last error), from ``FeedHealthTable``. Feeds that need attention
/// (failed, circuit open, backing off, stale) are drawn in the error role.
enum HealthOverlay {
    static func draw(_ state: CanvasState, into buffer: inout CellBuffer) {
        guard let overlay = state.healthOverlay else { return }
        let rows = overlay.rows ?? []
        let rect = OverlayGeometry.centred(width: buffer.width - 4, height: min(buffer.height - 2, max(rows.count, 2) + 4), in: buffer)
        buffer.fill(rect, with: Cell(grapheme: " ", role: StyleRole.base))
        buffer.box(rect, title: "Feed health — H or ESC closes, j/k scroll", role: StyleRole.overlayBorder, titleRole: StyleRole.helpTitle)
        let inner = rect.inset(by: 1)
        guard inner.width > 4, inner.height > 0 else { return }
        guard let loaded = overlay.rows else {
            buffer.put("Reading feed health…", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 1, role: StyleRole.dim)
            return
        }
        guard !loaded.isEmpty else {
            buffer.put("No watcher has reported any feed.", x: inner.x + 1, y: inner.y, maxWidth: inner.width - 1, role: StyleRole.helpText)
            buffer.put("Start one with: inquest watch --config FILE", x: inner.x + 1, y: inner.y + 1, maxWidth: inner.width - 1, role: StyleRole.dim)
            return
        }
        let lines = FeedHealthTable.rows(loaded, now: state.now, compact: inner.width < 118)
        buffer.put(lines[0], x: inner.x + 1, y: inner.y, maxWidth: inner.width - 1, role: StyleRole.helpGroup)
        let visible = inner.height - 1
        let scroll = max(0, min(overlay.scroll, loaded.count - visible))
        for row in 0..<max(0, visible) {
            let index = scroll + row
            guard index < loaded.count else { break }
            let role = needsAttention(loaded[index], now: state.now) ? StyleRole.statusbarError : StyleRole.helpText
            buffer.put(lines[index + 1], x: inner.x + 1, y: inner.y + 1 + row, maxWidth: inner.width - 1, role: role)
        }
    }

    static func needsAttention(_ row: FeedHealth, now: Timestamp) -> Bool {
        switch row.state {
        case .failed, .circuitOpen, .backingOff: return true
        case .running, .waitingForLease, .stopped: return FeedHealthTable.state(row, now: now) != row.state.rawValue
        }
    }
}
