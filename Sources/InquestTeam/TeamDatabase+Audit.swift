import Foundation
import InquestCore
import PostgresNIO

extension TeamDatabase {
    /// The audit trail of an investigation (its own changes, its notes' and links'), oldest
    /// first. The actor is the database role, followed by the OS user in parentheses when the
    /// client named a different one. Event ids are nil: the team database knows events by key
    /// (in `before`/`after`).
    public func auditTrail(investigationID: Int64) async throws(TeamError) -> [AuditEntry] {
        let logger = self.logger
        return try await withConnection("reading the audit trail of team investigation \(investigationID)") { connection in
            var entries: [AuditEntry] = []
            for try await (id, at, actor, osUser, entity, action, investigation, noteID, detail, before, after) in try await connection.query(
                """
                SELECT id, at, actor, os_user, entity, action, investigation_id, note_id, detail, before::text, after::text
                FROM audit WHERE investigation_id = \(investigationID) ORDER BY id
                """, logger: logger
            ).decode((Int64, Int64, String, String?, String, String, Int64?, Int64?, String?, String?, String?).self) {
                guard let parsedEntity = AuditEntry.Entity(rawValue: entity), let parsedAction = AuditEntry.Action(rawValue: action) else {
                    throw TeamError.unexpectedRow("audit \(id): entity \(entity), action \(action)")
                }
                let who = osUser.map { $0 == actor ? actor : "\(actor) (\($0))" } ?? actor
                entries.append(AuditEntry(
                    id: id, at: Timestamp(nanoseconds: at), actor: who, entity: parsedEntity, action: parsedAction,
                    investigationID: investigation, noteID: noteID, detail: detail, before: before, after: after))
            }
            return entries
        }
    }
}
