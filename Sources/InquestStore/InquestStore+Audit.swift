import GRDB
import InquestCore

extension InquestStore {
    /// The trail of one investigation, oldest first: its own changes, its notes and links, and
    /// the stars and tags of the events linked to it now (from any time).
    public func auditTrail(investigationID: Int64) throws -> [AuditEntry] {
        try wrap("reading the audit trail of investigation \(investigationID)") {
            try writer.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT \(AuditEntry.selection) FROM audit WHERE investigation_id = ?1
                        UNION ALL
                        SELECT \(AuditEntry.selection) FROM audit
                        WHERE investigation_id IS NULL
                          AND event_id IN (SELECT event_id FROM event_link WHERE investigation_id = ?1)
                        ORDER BY id
                        """,
                    arguments: [investigationID]
                ).map(AuditEntry.init(row:))
            }
        }
    }

    /// Every recorded change about one event (notes, links, stars, tags), oldest first.
    public func auditTrail(eventID: Int64) throws -> [AuditEntry] {
        try wrap("reading the audit trail of event \(eventID)") {
            try writer.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT \(AuditEntry.selection) FROM audit WHERE event_id = ? ORDER BY id", arguments: [eventID]
                ).map(AuditEntry.init(row:))
            }
        }
    }

    /// The latest change to an investigation's own fields (not its notes or links), or nil.
    public func lastEdit(investigationID: Int64) throws -> AuditEntry? {
        try wrap("reading the last edit of investigation \(investigationID)") {
            try writer.read { db in
                try Row.fetchOne(
                    db,
                    sql: """
                        SELECT \(AuditEntry.selection) FROM audit
                        WHERE investigation_id = ? AND entity = 'investigation' ORDER BY id DESC LIMIT 1
                        """,
                    arguments: [investigationID]
                ).map(AuditEntry.init(row:))
            }
        }
    }

    /// The latest change to a note (its creation when never edited), or nil.
    public func lastEdit(noteID: Int64) throws -> AuditEntry? {
        try wrap("reading the last edit of note \(noteID)") {
            try writer.read { db in
                try Row.fetchOne(
                    db, sql: "SELECT \(AuditEntry.selection) FROM audit WHERE note_id = ? ORDER BY id DESC LIMIT 1",
                    arguments: [noteID]
                ).map(AuditEntry.init(row:))
            }
        }
    }
}
