import InquestCore

extension CanvasReducer {
    /// What `:yank` copies, as `Tab` completes it.
    static let yankTargets = ["message", "raw", "json", "link"]

    /// `y` (the message), `Y` / `:yank raw` (the raw record), `:yank json` (the whole event as
    /// `inquest query --format jsonl` writes it), `:yank link` (a command line that opens the
    /// canvas on the event): copied out through the terminal (OSC 52).
    static func yank(_ state: inout CanvasState, what argument: String?) -> [CanvasEffect] {
        guard let row = state.timeline.cursorRow else { return noEvent(&state) }
        switch (argument ?? "message").trimmingWhitespace.lowercased() {
        case "message", "":
            return [.copyToClipboard(text: row.message, label: "the message of event #\(row.id)")]
        case "raw", "json":
            guard let detail = state.details.detail, detail.event.id == row.id else {
                state.status = StatusMessage(.error, "The event's details are still loading; try again")
                return []
            }
            if (argument ?? "").trimmingWhitespace.lowercased() == "json" {
                return [.copyToClipboard(text: EventJSON.line(for: detail.event, template: detail.template), label: "event #\(row.id) as JSON")]
            }
            return [.copyToClipboard(text: String(decoding: detail.event.raw, as: UTF8.self), label: "the raw record of event #\(row.id)")]
        case "link":
            return [.copyEventLink(eventID: row.id)]
        default:
            state.status = StatusMessage(.error, "Yank what? :yank message, :yank raw, :yank json or :yank link")
            return []
        }
    }
}
