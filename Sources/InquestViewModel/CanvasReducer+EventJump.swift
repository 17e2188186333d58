import InquestCore

extension CanvasReducer {
    /// `:event ID`, `--event ID` and Enter on a note's citation: find the event, then show it in
    /// the context view (every source around it, the event marked), whatever the filter.
    static func jumpToEvent(_ state: inout CanvasState, argument: String?) -> [CanvasEffect] {
        let text = (argument ?? "").trimmingWhitespace
        let digits = text.hasPrefix("#") ? String(text.dropFirst()) : text
        guard let eventID = Int64(digits), eventID > 0 else {
            state.status = StatusMessage(.error, "Say which event: :event ID (the number in the Details pane, or in [[event:ID]])")
            return []
        }
        return jumpToEvent(&state, id: eventID)
    }

    static func jumpToEvent(_ state: inout CanvasState, id eventID: Int64) -> [CanvasEffect] {
        state.status = StatusMessage(.info, "Finding event #\(eventID)…")
        return [.locateEvent(requestID: state.issueRequestID(\.locate), eventID: eventID)]
    }

    /// Enter in the Notes pane: the event the selected note cites (its first `[[event:ID]]`, else
    /// the event it was written about); a note that cites none opens in the editor.
    static func openCitation(_ state: inout CanvasState) -> [CanvasEffect] {
        guard let note = state.notes.selectedNote else {
            state.status = StatusMessage(.error, "No note selected")
            return []
        }
        guard let eventID = EventCitation.citedEventIDs(in: note.body).first ?? note.eventID else {
            state.editor = NoteEditorState(text: note.body, noteID: note.id, investigationID: note.investigationID, eventID: note.eventID)
            return []
        }
        return jumpToEvent(&state, id: eventID)
    }

    /// The store found (or did not find) the event asked for.
    static func eventLocated(_ state: inout CanvasState, requestID: Int, eventID: Int64, cursor: EventCursor?) -> [CanvasEffect] {
        guard requestID == state.pending.locate else { return [] }
        state.pending.locate = nil
        guard let cursor else {
            state.status = StatusMessage(.error, "Event #\(eventID) is not in this store")
            return []
        }
        let context = TimelineContext(anchor: cursor, span: state.timeline.context?.span ?? TimelineContext.defaultSpan)
        state.timeline.context = context
        state.timeline.follow = false
        state.status = StatusMessage(.info, "Event #\(eventID) in its context (every source ±\(TimelineContext.spelling(context.span))) · Esc goes back to the filter")
        var effects = relayout(&state) { state in
            state.focus = .timeline
        }
        effects += reloadAround(&state, cursor: cursor, recount: true)
        return effects
    }
}
