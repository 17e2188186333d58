import InquestCore

extension TeamChange {
    /// A new note (about `event`, if any), its body's citations of local events turned into key
    /// citations and those events shared with it (``TeamCitation``); `record` finds a local event.
    public static func addNote(
        _ investigation: InvestigationReference, event: EventRecord?, body: String, record: (Int64) -> EventRecord?
    ) -> TeamChange {
        let shared = TeamCitation.shared(body, record: record)
        return TeamChange(kind: .addNote(investigation, event: event, body: shared.body), citedEvents: shared.cited)
    }

    /// A note's new body, its citations shared as in ``addNote(_:event:body:record:)``.
    public static func editNote(noteID: Int64, body: String, record: (Int64) -> EventRecord?) -> TeamChange {
        let shared = TeamCitation.shared(body, record: record)
        return TeamChange(kind: .editNote(noteID: noteID, body: shared.body), citedEvents: shared.cited)
    }
}
