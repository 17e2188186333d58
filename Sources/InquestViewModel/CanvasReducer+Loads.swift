import InquestCore

extension CanvasReducer {
    /// Asks for the density strip when its range no longer fits the zoom and cursor
    /// (or always, with `force`, after zooming or resizing).
    static func densityEffects(_ state: inout CanvasState, force: Bool) -> [CanvasEffect] {
        let buckets = state.layout?.densityWidth ?? 0
        guard buckets > 0 else { return [] }
        let zoom = min(max(0, state.density.zoom), DensityState.spans.count - 1)
        let range: (from: Timestamp, to: Timestamp)
        if let span = DensityState.spans[zoom] {
            guard let cursorTime = state.timeline.cursorRow?.timestamp else { return [] }
            if !force && state.density.covers(cursorTime) { return [] }
            let from = cursorTime.advanced(saturating: -(span / 2))
            range = (from, from.advanced(saturating: span))
        } else {
            guard let oldest = state.timeline.oldest, let newest = state.timeline.newest else { return [] }
            // Events centuries apart (1700 and 2026) span more than a histogram's Int64
            // nanoseconds: the strip then covers the latest 292 years.
            let end = newest.advanced(saturating: 1)
            let wanted = (Timestamp.bucketableStart(oldest, end: end), end)
            if !force && state.density.from == wanted.0 && state.density.to == wanted.1 { return [] }
            range = wanted
        }
        state.density.from = range.from
        state.density.to = range.to
        return [.loadHistogram(requestID: state.issueRequestID(\.histogram), query: state.query, from: range.from, to: range.to, buckets: buckets)]
    }

    static func investigationsLoaded(_ state: inout CanvasState, requestID: Int, items: [InvestigationSummary]) -> [CanvasEffect] {
        guard requestID == state.pending.investigations else { return [] }
        state.pending.investigations = nil
        let wantedID = state.investigations.pendingSelectionID ?? state.investigations.currentID
        state.investigations.pendingSelectionID = nil
        let previousID = state.investigations.currentID
        // The number of investigations decides whether their pane is a column or a header.
        var effects = relayout(&state) { $0.investigations.items = items }
        if let wantedID, let index = items.firstIndex(where: { $0.investigation.id == wantedID }) {
            state.investigations.selected = index + 1
        } else {
            state.investigations.selected = min(state.investigations.selected, items.count)
        }
        guard state.investigations.currentID != previousID else { return effects }
        effects += currentInvestigationChanged(&state)
        return effects
    }

    /// Selects a row of the investigations list (0 = all events); the other panes follow.
    static func selectInvestigation(_ state: inout CanvasState, row: Int) -> [CanvasEffect] {
        let previousID = state.investigations.currentID
        state.investigations.selected = min(max(0, row), state.investigations.rowCount - 1)
        guard state.investigations.currentID != previousID else { return [] }
        return currentInvestigationChanged(&state)
    }

    /// The notes pane (and a scoped timeline) follow the current investigation.
    static func currentInvestigationChanged(_ state: inout CanvasState) -> [CanvasEffect] {
        state.notes = NotesState()
        let wasScoped = state.timeline.onlyLinked
        var effects: [CanvasEffect] = []
        if let id = state.investigations.currentID {
            effects.append(.loadNotes(requestID: state.issueRequestID(\.notes), investigationID: id))
        } else {
            state.pending.notes = nil
            state.timeline.onlyLinked = false
        }
        if wasScoped {
            effects += reloadTimeline(&state, anchor: .newest, placement: .last)
        }
        return effects
    }

    /// Someone wrote to the store: refresh what is on screen without rereading everything.
    static func storeChanged(_ state: inout CanvasState) -> [CanvasEffect] {
        var effects = [CanvasEffect.loadInvestigations(requestID: state.issueRequestID(\.investigations))]
        if let id = state.investigations.currentID {
            effects.append(.loadNotes(requestID: state.issueRequestID(\.notes), investigationID: id))
        }
        if state.timeline.follow || state.timeline.rows.isEmpty {
            effects += reloadTimeline(&state, anchor: .newest, placement: .last)
        } else if let first = state.timeline.rows.first, let cursor = state.timeline.cursorRow?.cursor {
            let justBefore = EventCursor(timestamp: first.timestamp, id: first.id - 1)
            effects.append(.loadWindow(requestID: state.issueRequestID(\.window), query: state.query, anchor: .after(justBefore), limit: windowCapacity(state)))
            state.pending.windowPurpose = .replace(.keep(cursor))
            effects.append(.loadCount(requestID: state.issueRequestID(\.count), query: state.query))
        }
        if let cursorID = state.timeline.cursorID {
            effects.append(.loadDetail(requestID: state.issueRequestID(\.detail), eventID: cursorID))
        }
        return effects
    }
}
