import GRDB
import InquestCore

extension EventLink {
    /// Reads the columns `investigation_id, event_id, linked_by, linked_at, reason` of `event_link`.
    init(row: Row) {
        self.init(
            investigationID: row["investigation_id"], eventID: row["event_id"], linkedBy: row["linked_by"],
            linkedAt: Timestamp(nanoseconds: row["linked_at"]), reason: row["reason"])
    }
}
