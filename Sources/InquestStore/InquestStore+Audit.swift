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

    /// The latest change to each listed note, by note id, in one read (notes without a trail
    /// are left out).
    public func lastEdits(noteIDs: [Int64]) throws -> [Int64: AuditEntry] {
        try lastEdits(column: "note_id", key: \.noteID, ids: noteIDs, condition: "1")
    }

    /// The latest change to each listed investigation's own fields, by investigation id, in one read.
    public func lastEdits(investigationIDs: [Int64]) throws -> [Int64: AuditEntry] {
        try lastEdits(column: "investigation_id", key: \.investigationID, ids: investigationIDs, condition: "entity = 'investigation'")
    }

    private func lastEdits(
        column: String, key: KeyPath<AuditEntry, Int64?>, ids: [Int64], condition: String
    ) throws -> [Int64: AuditEntry] {
        guard !ids.isEmpty else { return [:] }
        let placeholders = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        return try wrap("reading the last edits of \(ids.count) rows") {
            try writer.read { db in
                let entries = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT \(AuditEntry.selection) FROM audit WHERE id IN (
                          SELECT max(id) FROM audit WHERE \(column) IN (\(placeholders)) AND \(condition) GROUP BY \(column))
                        """,
                    arguments: StatementArguments(ids)
                ).map(AuditEntry.init(row:))
                var byID: [Int64: AuditEntry] = [:]
                for entry in entries {
                    if let id = entry[keyPath: key] { byID[id] = entry }
                }
                return byID
            }
        }
    }
}
