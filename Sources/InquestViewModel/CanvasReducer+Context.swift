import InquestCore

extension CanvasReducer {
    /// `C` / `:context [DURATION]`: every event within the span of the selected one, unfiltered,
    /// the selected event marked and kept under the cursor.
    static func showContext(_ state: inout CanvasState, argument: String?) -> [CanvasEffect] {
        guard let row = state.timeline.cursorRow else { return noEvent(&state) }
        var span = state.timeline.context?.span ?? TimelineContext.defaultSpan
        if let argument {
            guard let parsed = DurationText.nanoseconds(argument, bareNumber: .minutes), parsed > 0 else {
                state.status = StatusMessage(.error, "Say how far around the event: :context 10m (a duration, bare numbers are minutes)")
                return []
            }
            span = parsed
        }
        let context = TimelineContext(anchor: row.cursor, span: span)
        state.timeline.context = context
        state.timeline.follow = false
        state.status = StatusMessage(.info, "Every event within ±\(TimelineContext.spelling(span)) of the selected one, unfiltered · Esc goes back")
        return reloadKeepingPlace(&state)
    }

    /// Esc in the context view: the filtered timeline again, at the event under the cursor
    /// (or the nearest one the filter matches).
    static func leaveContext(_ state: inout CanvasState) -> [CanvasEffect] {
        state.timeline.context = nil
        return reloadKeepingPlace(&state)
    }
}
