/// One audit record as a short phrase for the change-history tables, e.g.
/// `note 2 update (body)` or `tag create on E1 (root-cause)`.
enum AuditLine {
    static func change(_ record: AuditRecord, in document: InvestigationDocument) -> String {
        var text = record.entity
        if let noteID = record.noteID, let index = document.notes.firstIndex(where: { $0.noteID == noteID }) {
            text += " \(index + 1)"
        }
        text += " " + record.action
        if let eventID = record.eventID, record.entity != "note" {
            text += " on " + (document.entry(eventID: eventID).map { "E\($0.ref)" } ?? "event \(eventID)")
        }
        if let detail = record.detail, !detail.isEmpty { text += " (" + detail + ")" }
        return text
    }
}
