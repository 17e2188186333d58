import InquestCore

extension CanvasReducer {
    /// `feeds.health`: opens the overlay (and loads the rows) or closes it.
    static func toggleHealthOverlay(_ state: inout CanvasState) -> [CanvasEffect] {
        if state.healthOverlay != nil {
            state.healthOverlay = nil
            state.pending.feedHealth = nil
            return []
        }
        state.healthOverlay = HealthOverlayState()
        return [.loadFeedHealth(requestID: state.issueRequestID(\.feedHealth))]
    }

    /// Keys while the health overlay is open: scroll, or close with ESC / q / H.
    static func healthKey(_ state: inout CanvasState, _ key: KeyPress) -> [CanvasEffect] {
        guard var overlay = state.healthOverlay else { return [] }
        let count = overlay.rows?.count ?? 0
        switch key {
        case .escape, .character("q"), .character("H"):
            state.healthOverlay = nil
            state.pending.feedHealth = nil
            return []
        case .down, .character("j"): overlay.scroll += 1
        case .up, .character("k"): overlay.scroll -= 1
        case .home, .character("g"): overlay.scroll = 0
        case .end, .character("G"): overlay.scroll = count
        default: return []
        }
        overlay.scroll = max(0, min(overlay.scroll, count - 1))
        state.healthOverlay = overlay
        return []
    }

    /// Every tick while the overlay is open, the rows are read again (unless a read is in flight).
    static func refreshHealthOverlay(_ state: inout CanvasState) -> [CanvasEffect] {
        guard state.healthOverlay != nil, state.pending.feedHealth == nil else { return [] }
        return [.loadFeedHealth(requestID: state.issueRequestID(\.feedHealth))]
    }

    static func feedHealthLoaded(_ state: inout CanvasState, requestID: Int, rows: [FeedHealth]) -> [CanvasEffect] {
        guard requestID == state.pending.feedHealth, var overlay = state.healthOverlay else { return [] }
        state.pending.feedHealth = nil
        overlay.rows = rows
        overlay.scroll = max(0, min(overlay.scroll, rows.count - 1))
        state.healthOverlay = overlay
        return []
    }
}
