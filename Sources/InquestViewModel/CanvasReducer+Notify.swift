import InquestCore

extension CanvasReducer {
    /// `:notify` (or `w` in the Investigations pane): opens the subscriptions overlay of the
    /// selected investigation and asks for its subscriptions.
    static func openNotifyOverlay(_ state: inout CanvasState) -> [CanvasEffect] {
        guard let current = state.investigations.current, let id = current.investigation.id else {
            state.status = StatusMessage(.error, "Select an investigation to see its notifications")
            return []
        }
        let requestID = state.nextRequestID
        state.nextRequestID += 1
        state.notifyOverlay = NotifyOverlayState(investigationID: id, title: current.investigation.title, requestID: requestID)
        return [.loadSubscriptions(requestID: requestID, investigationID: id)]
    }

    /// The subscriptions arrived (after opening or a toggle): fill the overlay if it still waits for them.
    static func subscriptionsLoaded(_ state: inout CanvasState, requestID: Int, subscriptions: [NotificationSubscription]) -> [CanvasEffect] {
        guard var overlay = state.notifyOverlay, overlay.requestID == requestID else { return [] }
        overlay.subscriptions = subscriptions
        overlay.selected = max(0, min(overlay.selected, subscriptions.count - 1))
        state.notifyOverlay = overlay
        return []
    }

    /// Keys while the overlay is open: move, Space or Enter toggles the selected subscription for
    /// this investigation, ESC or q closes.
    static func notifyKey(_ state: inout CanvasState, _ key: KeyPress) -> [CanvasEffect] {
        guard var overlay = state.notifyOverlay else { return [] }
        let count = overlay.subscriptions?.count ?? 0
        switch key {
        case .escape, .character("q"):
            state.notifyOverlay = nil
            return []
        case .down, .character("j"): overlay.selected += 1
        case .up, .character("k"): overlay.selected -= 1
        case .home, .character("g"): overlay.selected = 0
        case .end, .character("G"): overlay.selected = count - 1
        case .character(" "), .enter:
            guard let subscriptions = overlay.subscriptions, subscriptions.indices.contains(overlay.selected),
                  let subscriptionID = subscriptions[overlay.selected].id
            else { return [] }
            let requestID = state.nextRequestID
            state.nextRequestID += 1
            overlay.requestID = requestID
            state.notifyOverlay = overlay
            return [.toggleSubscription(requestID: requestID, subscriptionID: subscriptionID, investigationID: overlay.investigationID)]
        default: return []
        }
        overlay.selected = max(0, min(overlay.selected, count - 1))
        state.notifyOverlay = overlay
        return []
    }
}
