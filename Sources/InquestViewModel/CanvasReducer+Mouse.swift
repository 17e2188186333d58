import InquestCore

extension CanvasReducer {
    /// Lines (timeline rows, details lines) one notch of the wheel scrolls, as terminals'
    /// pagers do.
    static let wheelLines = 3

    /// A click focuses the pane under the pointer and selects the row there (a timeline event,
    /// an investigation); a click on the density strip or its time axis jumps to that time; the
    /// wheel scrolls the pane under the pointer, or the open overlay. Positions are read against
    /// the layout drawn before the click, so a click that opens the Investigations band still
    /// selects what was under the pointer.
    static func mousePressed(_ state: inout CanvasState, _ event: MouseEvent, environment: CanvasEnvironment) -> [CanvasEffect] {
        state.status = nil
        if state.help != nil || state.audit.overlay != nil || state.healthOverlay != nil || state.seriesOverlay != nil
            || state.breakdown != nil || state.suspectsOverlay != nil {
            // The wheel moves through the overlay as its arrow keys do; clicks are not aimed at it.
            let key: KeyPress
            switch event.button {
            case .wheelUp: key = .up
            case .wheelDown: key = .down
            default: return []
            }
            return (0..<wheelLines).flatMap { _ in keyPressed(&state, key, environment: environment) }
        }
        // An open text field (filter, prompt, note editor, form) keeps the input to itself.
        if state.editor != nil || state.form != nil || state.prompt != nil || state.filterBar.isOpen { return [] }
        guard let layout = state.layout, let pane = layout.pane(atX: event.x, y: event.y), let box = layout.box(of: pane) else { return [] }
        let inner = box.inset(by: 1)
        switch event.button {
        case .wheelUp, .wheelDown:
            return scroll(&state, pane: pane, by: event.button == .wheelUp ? -wheelLines : wheelLines)
        case .left:
            // What lies under the pointer, read before the focus changes the layout.
            var target: ClickTarget?
            switch pane {
            case .timeline:
                target = timelineTarget(state, column: event.x - inner.x, line: event.y - inner.y, layout: layout)
            case .investigations where box.height > 1 && event.y >= inner.y && event.y < inner.maxY:
                let row = state.investigations.firstVisibleRow(visibleRows: inner.height) + event.y - inner.y
                if row < state.investigations.rowCount { target = .investigation(row: row) }
            case .investigations, .details, .notes:
                break
            }
            var effects = pane == state.focus ? [] : focus(&state, pane)
            switch target {
            case .time(let time)?:
                effects += jumpToDensityTime(&state, time)
            case .event(let id)?:
                guard let index = state.timeline.rows.firstIndex(where: { $0.id == id }) else { break }
                let previousID = state.timeline.cursorID
                state.timeline.cursorID = id
                if index < state.timeline.rows.count - 1 { state.timeline.follow = false }
                effects += afterCursorMove(&state, previousID: previousID)
            case .investigation(let row)?:
                effects += selectInvestigation(&state, row: row)
            case nil:
                break
            }
            return effects
        case .middle, .right:
            return []
        }
    }

    /// What a click selects.
    enum ClickTarget {
        /// The density strip or its axis: the time of the bucket under the pointer.
        case time(Timestamp)
        /// An event line of the timeline.
        case event(id: Int64)
        /// A row of the Investigations list ("All events" is row 0).
        case investigation(row: Int)
    }

    /// A click inside the timeline's border (`column`, `line` from its interior's corner).
    static func timelineTarget(_ state: CanvasState, column: Int, line: Int, layout: CanvasLayout) -> ClickTarget? {
        guard column >= 0, column < layout.densityWidth, line >= 0 else { return nil }
        guard line >= layout.timelineHeaderRows else {
            return state.density.bucketStart(column: column, columns: layout.densityWidth).map { .time($0) }
        }
        return state.timeline.rowIndex(atLine: line - layout.timelineHeaderRows, offsetSeconds: state.localOffsetSeconds)
            .map { .event(id: state.timeline.rows[$0].id) }
    }

    /// A window around the first event at or after `time` (a click on the density strip),
    /// centred, so the events before it show above.
    static func jumpToDensityTime(_ state: inout CanvasState, _ time: Timestamp) -> [CanvasEffect] {
        state.timeline.follow = false
        state.status = StatusMessage(.info, "Jumped to \(time.iso8601)")
        let effect = CanvasEffect.loadWindowAround(
            requestID: state.issueRequestID(\.window), query: state.query,
            centre: .time(time), limit: windowCapacity(state))
        state.pending.windowPurpose = .replace(.atOrAfter(time))
        return [effect]
    }

    /// The wheel over a pane scrolls it without moving the focus: the timeline's view and cursor
    /// move together, the details scroll, the lists move their selection one row per notch.
    static func scroll(_ state: inout CanvasState, pane: Pane, by lines: Int) -> [CanvasEffect] {
        let rows = lines > 0 ? 1 : -1
        switch pane {
        case .timeline:
            guard let index = state.timeline.cursorIndex else { return [] }
            let previousID = state.timeline.cursorID
            let last = state.timeline.rows.count - 1
            let target = min(max(0, index + lines), last)
            state.timeline.top = max(0, min(state.timeline.top + (target - index), max(0, last + 1 - state.timelinePageSize)))
            state.timeline.cursorID = state.timeline.rows[target].id
            if target < index { state.timeline.follow = false }
            return afterCursorMove(&state, previousID: previousID)
        case .details:
            let page = max(1, state.layout?.innerHeight(of: .details) ?? 1)
            state.details.scroll = max(0, min(state.details.scroll + lines, max(0, state.details.lines.count - page)))
            return []
        case .notes:
            state.notes.selected = min(max(0, state.notes.selected + rows), max(0, state.notes.notes.count - 1))
            return []
        case .investigations:
            return selectInvestigation(&state, row: min(max(0, state.investigations.selected + rows), state.investigations.rowCount - 1))
        }
    }
}

extension CanvasLayout {
    /// The pane whose box (border included) holds the cell, if any.
    public func pane(atX x: Int, y: Int) -> Pane? {
        Pane.allCases.first { pane in
            guard let box = box(of: pane) else { return false }
            return x >= box.x && x < box.maxX && y >= box.y && y < box.maxY
        }
    }
}
