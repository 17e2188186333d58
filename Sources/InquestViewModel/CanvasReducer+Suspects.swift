import InquestCore

extension CanvasReducer {
    /// At most this many events are linked by one `l` on an evidence row.
    public static let suspectLinkLimit = 200

    /// `suspects`: opens the overlay and asks for the ranking at the selected event's time (or,
    /// with no event selected, at the start of the latest error burst).
    static func openSuspectsOverlay(_ state: inout CanvasState) -> [CanvasEffect] {
        let time = state.timeline.cursorIndex.map { state.timeline.rows[$0] }.flatMap { $0.isTimeUnknown ? nil : $0.timestamp }
        state.suspectsOverlay = SuspectsOverlayState(requestedTime: time)
        return [.rankSuspects(requestID: state.issueRequestID(\.suspects), at: time)]
    }

    /// A key while the suspects overlay is open, as its `[suspects]` keymap section binds it.
    static func suspectsKey(_ state: inout CanvasState, _ invocation: CommandInvocation?) -> [CanvasEffect] {
        guard var overlay = state.suspectsOverlay, let command = invocation?.command else { return [] }
        switch command {
        case .overlayClose:
            closeSuspectsOverlay(&state)
            return []
        case .suspectsNext, .suspectsPrevious:
            let count = overlay.evidenceCount
            guard count > 0 else { return [] }
            overlay.selected = max(0, min(count - 1, overlay.selected + (command == .suspectsNext ? 1 : -1)))
            state.suspectsOverlay = overlay
            return []
        case .overlaySubmit:
            guard let (_, evidence) = overlay.selectedEvidence else { return [] }
            closeSuspectsOverlay(&state)
            return apply(&state, evidence.filter)
        case .suspectsLink:
            return linkEvidence(&state, overlay)
        default:
            return []
        }
    }

    /// `l` on an evidence row: link the events its filter selects (up to ``suspectLinkLimit``).
    static func linkEvidence(_ state: inout CanvasState, _ overlay: SuspectsOverlayState) -> [CanvasEffect] {
        guard let (service, evidence) = overlay.selectedEvidence else { return [] }
        guard let current = state.investigations.current, let investigationID = current.investigation.id else {
            state.status = StatusMessage(.error, "Select an investigation in the Investigations pane (or c to create one) to link events")
            return []
        }
        state.status = StatusMessage(.info, "Linking the events behind \(service)'s evidence to \(current.investigation.title)…")
        let reason = "suspect \(service): \(evidence.summary)"
        return [.linkEvents(query: TimelineQuery(filter: evidence.filter), investigationID: investigationID, reason: reason, limit: suspectLinkLimit)]
    }

    static func closeSuspectsOverlay(_ state: inout CanvasState) {
        state.suspectsOverlay = nil
        state.pending.suspects = nil
    }

    static func suspectsRanked(_ state: inout CanvasState, requestID: Int, time: Timestamp, suspects: [Suspect]) -> [CanvasEffect] {
        guard requestID == state.pending.suspects, var overlay = state.suspectsOverlay else { return [] }
        state.pending.suspects = nil
        overlay.time = time
        overlay.suspects = suspects
        overlay.failure = nil
        overlay.selected = 0
        state.suspectsOverlay = overlay
        return []
    }

    static func suspectsFailed(_ state: inout CanvasState, requestID: Int, message: String) -> [CanvasEffect] {
        guard requestID == state.pending.suspects, var overlay = state.suspectsOverlay else { return [] }
        state.pending.suspects = nil
        overlay.failure = message
        state.suspectsOverlay = overlay
        return []
    }

    static func eventsLinked(_ state: inout CanvasState, investigationID: Int64, count: Int, capped: Bool) -> [CanvasEffect] {
        let noun = count == 1 ? "event" : "events"
        let title = state.investigations.items.first { $0.investigation.id == investigationID }?.investigation.title
        let target = title.map { " to \($0)" } ?? ""
        if count == 0 {
            state.status = StatusMessage(.info, "No events behind that evidence to link")
        } else if capped {
            state.status = StatusMessage(.info, "Linked the first \(count) \(noun)\(target) — more match; one l links at most \(suspectLinkLimit)")
        } else {
            state.status = StatusMessage(.info, "Linked \(count) \(noun)\(target)")
        }
        return []
    }
}
