import InquestCore

extension CanvasReducer {
    /// `breakdown [DIMENSIONS]`: opens the overlay over the filter and the window on screen
    /// (grouped by service, or by the dimensions given, e.g. `:breakdown service,template`), or closes it.
    static func toggleBreakdownOverlay(_ state: inout CanvasState, argument: String?) -> [CanvasEffect] {
        if state.breakdown != nil, argument == nil {
            return closeBreakdown(&state)
        }
        var dimensions: [BreakdownDimension] = [.service]
        if let argument {
            guard let parsed = BreakdownDimension.list(parsing: argument) else {
                state.status = StatusMessage(.error, "breakdown \(argument): name dimensions separated by commas (service,template, attr:status)")
                return []
            }
            dimensions = parsed
        }
        state.breakdown = BreakdownOverlayState(dimensions: dimensions, window: breakdownWindow(state))
        return loadBreakdown(&state)
    }

    /// The window on screen: the density strip's range, else the matching events' first to last.
    static func breakdownWindow(_ state: CanvasState) -> Range<Timestamp>? {
        if let from = state.density.from, let to = state.density.to, from < to { return from..<to }
        guard let oldest = state.timeline.oldest, let newest = state.timeline.newest else { return nil }
        let end = Timestamp(nanoseconds: newest.nanoseconds == Int64.max ? newest.nanoseconds : newest.nanoseconds + 1)
        return oldest < end ? oldest..<end : nil
    }

    static func closeBreakdown(_ state: inout CanvasState) -> [CanvasEffect] {
        state.breakdown = nil
        state.pending.breakdown = nil
        return []
    }

    /// Asks for the overlay's rows; the previous request, if still running, is superseded.
    static func loadBreakdown(_ state: inout CanvasState) -> [CanvasEffect] {
        guard var overlay = state.breakdown, let window = overlay.window else { return [] }
        overlay.isLoading = true
        state.breakdown = overlay
        let request = BreakdownRequest(query: state.query, mode: overlay.mode, dimensions: overlay.dimensions, window: window)
        return [.loadBreakdown(requestID: state.issueRequestID(\.breakdown), request)]
    }

    static func breakdownLoaded(_ state: inout CanvasState, requestID: Int, result: BreakdownResult) -> [CanvasEffect] {
        guard requestID == state.pending.breakdown, var overlay = state.breakdown else { return [] }
        state.pending.breakdown = nil
        overlay.result = result
        overlay.isLoading = false
        overlay.selected = max(0, min(overlay.selected, result.rowCount - 1))
        overlay.scroll = max(0, min(overlay.scroll, overlay.selected))
        state.breakdown = overlay
        return []
    }

    /// A key while the breakdown overlay is open, as its `[breakdown]` keymap section binds it.
    static func breakdownKey(_ state: inout CanvasState, _ invocation: CommandInvocation?) -> [CanvasEffect] {
        guard var overlay = state.breakdown, let command = invocation?.command else { return [] }
        let page = max(1, breakdownPageSize(state))
        switch command {
        case .overlayClose, .breakdown:
            return closeBreakdown(&state)
        case .overlaySubmit:
            return narrowToSelectedRow(&state)
        case .cursorDown: overlay.selected += 1
        case .cursorUp: overlay.selected -= 1
        case .pageDown, .halfPageDown: overlay.selected += page
        case .pageUp, .halfPageUp: overlay.selected -= page
        case .first: overlay.selected = 0
        case .last: overlay.selected = overlay.rowCount - 1
        case .breakdownNextDimension, .breakdownPreviousDimension:
            let all = BreakdownDimension.standard
            let current = overlay.dimensions.count == 1 ? all.firstIndex(of: overlay.dimensions[0]) : nil
            let step = command == .breakdownNextDimension ? 1 : all.count - 1
            let next = current.map { ($0 + step) % all.count } ?? 0
            overlay.dimensions = [all[next]]
            if overlay.mode == .traces { overlay.mode = .counts }
            return reload(&state, overlay)
        case .breakdownCompare:
            overlay.mode = overlay.mode == .compare ? .counts : .compare
            return reload(&state, overlay)
        case .breakdownTraces:
            overlay.mode = overlay.mode == .traces ? .counts : .traces
            return reload(&state, overlay)
        default:
            return []
        }
        overlay.selected = max(0, min(overlay.selected, overlay.rowCount - 1))
        if overlay.selected < overlay.scroll { overlay.scroll = overlay.selected }
        if overlay.selected >= overlay.scroll + page { overlay.scroll = overlay.selected - page + 1 }
        state.breakdown = overlay
        return []
    }

    /// A new grouping or mode: the rows start from the top and are read again.
    private static func reload(_ state: inout CanvasState, _ overlay: BreakdownOverlayState) -> [CanvasEffect] {
        var overlay = overlay
        overlay.selected = 0
        overlay.scroll = 0
        state.breakdown = overlay
        return loadBreakdown(&state)
    }

    /// Enter: the filter becomes the applied filter narrowed to the row; the overlay closes.
    private static func narrowToSelectedRow(_ state: inout CanvasState) -> [CanvasEffect] {
        guard let overlay = state.breakdown, let result = overlay.result, overlay.rowCount > 0 else { return [] }
        guard let filter = result.narrowing(state.filterBar.applied, row: overlay.selected) else {
            state.status = StatusMessage(.error, "These events have no template — the filter cannot select them")
            return []
        }
        _ = closeBreakdown(&state)
        return apply(&state, filter)
    }

    /// Rows of the overlay on screen: its box leaves a margin of one, a border, and a line for
    /// the window and one for the header.
    static func breakdownPageSize(_ state: CanvasState) -> Int {
        max(1, state.height - 6)
    }
}
