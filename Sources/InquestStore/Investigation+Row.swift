import Foundation
import GRDB
import InquestCore

extension Investigation {
    static let selection = """
        investigation.id, title, summary, status, severity, owner, created_at, updated_at, resolved_at,
        window_start, window_end, affected_services, root_cause, impact, resolution
        """

    init(row: Row) throws {
        let id: Int64 = row["id"]
        let statusText: String = row["status"]
        guard let status = Status(rawValue: statusText) else {
            throw StoreError.corruptRow(table: "investigation", id: id, column: "status", value: statusText)
        }
        let severityText: String = row["severity"]
        guard let severity = IncidentSeverity(rawValue: severityText) else {
            throw StoreError.corruptRow(table: "investigation", id: id, column: "severity", value: severityText)
        }
        let servicesText: String = row["affected_services"]
        guard let services = try? JSONDecoder().decode([String].self, from: Data(servicesText.utf8)) else {
            throw StoreError.corruptRow(table: "investigation", id: id, column: "affected_services", value: servicesText)
        }
        self.init(
            id: id, title: row["title"], summary: row["summary"], status: status, severity: severity,
            owner: row["owner"],
            createdAt: Timestamp(nanoseconds: row["created_at"]),
            updatedAt: Timestamp(nanoseconds: row["updated_at"]),
            resolvedAt: (row["resolved_at"] as Int64?).map(Timestamp.init(nanoseconds:)),
            windowStart: (row["window_start"] as Int64?).map(Timestamp.init(nanoseconds:)),
            windowEnd: (row["window_end"] as Int64?).map(Timestamp.init(nanoseconds:)),
            affectedServices: services, rootCause: row["root_cause"], impact: row["impact"],
            resolution: row["resolution"])
    }

    /// Values for the columns after `id`, in ``columnList`` order.
    func columnValues() throws -> [any DatabaseValueConvertible] {
        let servicesData = try JSONEncoder().encode(affectedServices)
        let services = String(decoding: servicesData, as: UTF8.self)
        return [
            title, summary, status.rawValue, severity.rawValue, owner, createdAt.nanoseconds, updatedAt.nanoseconds,
            resolvedAt?.nanoseconds, windowStart?.nanoseconds, windowEnd?.nanoseconds, services, rootCause, impact,
            resolution,
        ]
    }

    static let columnList = """
        title, summary, status, severity, owner, created_at, updated_at, resolved_at, window_start, window_end,
        affected_services, root_cause, impact, resolution
        """
}

extension Note {
    static let selection = "id, investigation_id, event_id, author, body, created_at, edited_at"

    init(row: Row) {
        self.init(
            id: row["id"], investigationID: row["investigation_id"], eventID: row["event_id"], author: row["author"],
            body: row["body"], createdAt: Timestamp(nanoseconds: row["created_at"]),
            editedAt: Timestamp(nanoseconds: row["edited_at"]))
    }
}
