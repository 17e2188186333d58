import InquestCore

extension CanvasReducer {
    /// `Ctrl-S` / `:search TEXT`: remembers what `n`/`N` look for and goes to its first match
    /// after the cursor (wrapping to the top), as less's `/` does; the filter stays. A blank
    /// search clears it (`n`/`N` then look for the filter's words again).
    static func search(_ state: inout CanvasState, _ text: String) -> [CanvasEffect] {
        let search: TimelineSearch?
        do {
            search = try TimelineSearch(text)
        } catch {
            state.status = StatusMessage(.error, "search: " + error.message)
            return []
        }
        state.timeline.search = search
        guard search != nil else {
            state.status = StatusMessage(.info, "Search cleared: n/N find the filter's words")
            return []
        }
        return find(&state, .findMatch(forward: true))
    }

    /// What `n`/`N` look for: the search's condition, else any of the filter's words, within
    /// the timeline's query; nil when there is nothing to look for.
    static func matchQuery(_ state: CanvasState) -> TimelineQuery? {
        if let search = state.timeline.search { return state.query.narrowed(by: search.expression) }
        let terms = state.timeline.highlightTerms
        guard !terms.isEmpty else { return nil }
        return state.query.narrowed(by: .any(terms.map { .term(.text(.phrase($0))) }))
    }

    /// Says what `n`/`N` were looking for, for status messages.
    static func matchLabel(_ state: CanvasState) -> String {
        if let search = state.timeline.search { return "\"\(search.text)\"" }
        return "the filter's words"
    }

    /// Nothing matched past the cursor: look again from the other end (as less and vim wrap).
    static func wrapSearch(_ state: inout CanvasState, forward: Bool) -> [CanvasEffect] {
        guard let query = matchQuery(state) else { return [] }
        let effect = CanvasEffect.loadWindow(requestID: state.issueRequestID(\.window), query: query, anchor: forward ? .oldest : .newest, limit: 1)
        state.pending.windowPurpose = .wrapMatch(forward: forward)
        return [effect]
    }
}
