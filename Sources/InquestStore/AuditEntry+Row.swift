import GRDB
import InquestCore

extension AuditEntry {
    static let selection = "audit.id, at, actor, entity, action, investigation_id, event_id, note_id, detail, before, after"

    init(row: Row) throws {
        let id: Int64 = row["id"]
        let entityText: String = row["entity"]
        guard let entity = Entity(rawValue: entityText) else {
            throw StoreError.corruptRow(table: "audit", id: id, column: "entity", value: entityText)
        }
        let actionText: String = row["action"]
        guard let action = Action(rawValue: actionText) else {
            throw StoreError.corruptRow(table: "audit", id: id, column: "action", value: actionText)
        }
        self.init(
            id: id, at: Timestamp(nanoseconds: row["at"]), actor: row["actor"], entity: entity, action: action,
            investigationID: row["investigation_id"], eventID: row["event_id"], noteID: row["note_id"],
            detail: row["detail"], before: row["before"], after: row["after"])
    }
}
