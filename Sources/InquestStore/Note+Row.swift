import GRDB
import InquestCore

extension Note {
    static let selection = "id, investigation_id, event_id, author, body, created_at, edited_at"

    init(row: Row) {
        self.init(
            id: row["id"], investigationID: row["investigation_id"], eventID: row["event_id"], author: row["author"],
            body: row["body"], createdAt: Timestamp(nanoseconds: row["created_at"]),
            editedAt: Timestamp(nanoseconds: row["edited_at"]))
    }
}
