import InquestCore

extension CanvasReducer {
    /// `:log`: opens the trail overlay of the selected investigation and asks for its trail.
    static func openAuditLog(_ state: inout CanvasState) -> [CanvasEffect] {
        guard let current = state.investigations.current, let id = current.investigation.id else {
            state.status = StatusMessage(.error, "Select an investigation to see its log")
            return []
        }
        let requestID = state.nextRequestID
        state.nextRequestID += 1
        state.audit.overlay = AuditOverlayState(investigationID: id, title: current.investigation.title, requestID: requestID)
        return [.loadAuditTrail(requestID: requestID, investigationID: id)]
    }

    /// The trail arrived: fill the overlay if it is still waiting for this request.
    static func auditTrailLoaded(_ state: inout CanvasState, requestID: Int, entries: [AuditEntry]) -> [CanvasEffect] {
        guard var overlay = state.audit.overlay, overlay.requestID == requestID else { return [] }
        overlay.entries = entries.sorted { ($0.at, $0.id) < ($1.at, $1.id) }
        state.audit.overlay = overlay
        return []
    }

    /// Keys while the trail overlay is open: scroll, or close with ESC / q.
    static func auditKey(_ state: inout CanvasState, _ key: KeyPress) -> [CanvasEffect] {
        guard var overlay = state.audit.overlay else { return [] }
        let page = max(1, state.height - 4)
        let count = overlay.lines.count
        switch key {
        case .escape, .character("q"):
            state.audit.overlay = nil
            return []
        case .down, .character("j"): overlay.scroll += 1
        case .up, .character("k"): overlay.scroll -= 1
        case .pageDown, .control("d"), .control("f"), .character(" "): overlay.scroll += page
        case .pageUp, .control("u"), .control("b"): overlay.scroll -= page
        case .home, .character("g"): overlay.scroll = 0
        case .end, .character("G"): overlay.scroll = count
        default: return []
        }
        overlay.scroll = max(0, min(overlay.scroll, count - page))
        state.audit.overlay = overlay
        return []
    }
}
