import InquestCore

extension CanvasReducer {
    /// `y` (the message), `Y` / `:yank raw` (the raw record), `:yank link` (a command line that
    /// opens the canvas on the event): copied out through the terminal (OSC 52).
    static func yank(_ state: inout CanvasState, what argument: String?) -> [CanvasEffect] {
        guard let row = state.timeline.cursorRow else { return noEvent(&state) }
        switch (argument ?? "message").trimmingWhitespace.lowercased() {
        case "message", "":
            return [.copyToClipboard(text: row.message, label: "the message of event #\(row.id)")]
        case "raw":
            guard let event = state.details.detail?.event, event.id == row.id else {
                state.status = StatusMessage(.error, "The event's details are still loading; try again")
                return []
            }
            return [.copyToClipboard(text: String(decoding: event.raw, as: UTF8.self), label: "the raw record of event #\(row.id)")]
        case "link":
            return [.copyEventLink(eventID: row.id)]
        default:
            state.status = StatusMessage(.error, "Yank what? :yank message, :yank raw or :yank link")
            return []
        }
    }
}
