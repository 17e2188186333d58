import InquestCore

extension CanvasReducer {
    /// `s`: star or unstar the selected event (shown at once, written by the effect).
    static func star(_ state: inout CanvasState) -> [CanvasEffect] {
        guard let index = state.timeline.cursorIndex else { return noEvent(&state) }
        let starred = !state.timeline.rows[index].isStarred
        let eventID = state.timeline.rows[index].id
        state.timeline.rows[index].isStarred = starred
        if state.details.detail?.event.id == eventID { state.details.detail?.isStarred = starred }
        state.status = StatusMessage(.info, starred ? "Starred" : "Unstarred")
        return [.setStar(eventID: eventID, starred: starred)]
    }

    /// `t` / `:tag` / `:untag`.
    static func tag(_ state: inout CanvasState, eventID: Int64, tag rawTag: String, add: Bool) -> [CanvasEffect] {
        let tag = rawTag.trimmingWhitespace
        guard !tag.isEmpty else {
            state.status = StatusMessage(.error, "A tag needs a name")
            return []
        }
        if let index = state.timeline.rows.firstIndex(where: { $0.id == eventID }) {
            var tags = state.timeline.rows[index].tags.filter { $0 != tag }
            if add { tags.append(tag) }
            state.timeline.rows[index].tags = tags
        }
        state.status = StatusMessage(.info, add ? "Tagged #\(tag)" : "Removed #\(tag)")
        return [add ? .addTag(eventID: eventID, tag: tag) : .removeTag(eventID: eventID, tag: tag)]
    }

    /// `l`/`L`: link the selected event to (or unlink it from) the current investigation.
    static func link(_ state: inout CanvasState, add: Bool) -> [CanvasEffect] {
        guard let index = state.timeline.cursorIndex else { return noEvent(&state) }
        guard let current = state.investigations.current, let investigationID = current.investigation.id else {
            state.status = StatusMessage(.error, "Select an investigation in the Investigations pane (or c to create one) to link events")
            return []
        }
        let eventID = state.timeline.rows[index].id
        var linked = state.timeline.rows[index].linkedInvestigationIDs.filter { $0 != investigationID }
        if add { linked.append(investigationID) }
        state.timeline.rows[index].linkedInvestigationIDs = linked
        state.status = StatusMessage(.info, (add ? "Linked to " : "Unlinked from ") + current.investigation.title)
        return [add ? .link(eventID: eventID, investigationID: investigationID) : .unlink(eventID: eventID, investigationID: investigationID)]
    }

    /// `f` in details: filter on the selected event's trace id, else its request id.
    static func filterOnTrace(_ state: inout CanvasState) -> [CanvasEffect] {
        guard let event = state.details.detail?.event else { return noEvent(&state) }
        let term: FilterTerm
        if let trace = event.traceID, !trace.isEmpty {
            term = .traceID(.exact(trace))
        } else if let request = event.requestID, !request.isEmpty {
            term = .requestID(.exact(request))
        } else {
            state.status = StatusMessage(.error, "This event has no trace id or request id")
            return []
        }
        return apply(&state, Filter(expression: .term(term)))
    }

    /// Applies a filter text, parsed here once: rejected texts keep the old filter and show the problem.
    static func applyFilter(_ state: inout CanvasState, _ text: String) -> [CanvasEffect] {
        let filter: Filter
        do {
            filter = try Filter.parse(text)
        } catch {
            state.filterBar.problem = error
            state.status = StatusMessage(.error, error.description)
            return []
        }
        return apply(&state, filter)
    }

    /// Applies a parsed filter: the timeline reloads with it, and its text joins the history.
    static func apply(_ state: inout CanvasState, _ filter: Filter) -> [CanvasEffect] {
        let text = filter.text
        state.filterBar.applied = filter
        state.timeline.context = nil
        state.filterBar.editing = nil
        state.filterBar.problem = nil
        state.filterBar.historyIndex = nil
        if !text.trimmingWhitespace.isEmpty {
            var history = state.filterBar.history.filter { $0 != text }
            history.append(text)
            state.filterBar.history = Array(history.suffix(FilterBarState.historyLimit))
        }
        state.timeline.highlightTerms = filter.highlightTerms
        state.status = nil
        return reloadKeepingPlace(&state)
    }
}
