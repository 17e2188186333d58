import Foundation
import GRDB
import InquestCore

extension InvestigationNotification {
    static let columns = [
        "source", "source_id", "at", "actor", "kinds", "investigation_id", "title", "status", "severity", "owner",
        "previous_status", "previous_severity", "previous_owner", "note_id", "note_author", "note_body",
    ]

    static let selection = "notification.id, " + columns.map { "notification.\($0)" }.joined(separator: ", ")

    init(row: Row) throws {
        let id: Int64 = row["id"]
        let kindsText: String = row["kinds"]
        guard let names = try? JSONDecoder().decode([String].self, from: Data(kindsText.utf8)) else {
            throw StoreError.corruptRow(table: "notification", id: id, column: "kinds", value: kindsText)
        }
        func decoded<T: RawRepresentable>(_ column: String, as type: T.Type) throws -> T? where T.RawValue == String {
            guard let text: String = row[column] else { return nil }
            guard let value = T(rawValue: text) else {
                throw StoreError.corruptRow(table: "notification", id: id, column: column, value: text)
            }
            return value
        }
        guard let status = try decoded("status", as: Investigation.Status.self),
              let severity = try decoded("severity", as: Investigation.IncidentSeverity.self)
        else { throw StoreError.corruptRow(table: "notification", id: id, column: "status", value: "NULL") }
        self.init(
            id: id, source: row["source"], sourceID: row["source_id"], at: Timestamp(nanoseconds: row["at"]), actor: row["actor"],
            kinds: Set(names.compactMap(NotificationKind.init(rawValue:))), investigationID: row["investigation_id"],
            title: row["title"], status: status, severity: severity, owner: row["owner"],
            previousStatus: try decoded("previous_status", as: Investigation.Status.self),
            previousSeverity: try decoded("previous_severity", as: Investigation.IncidentSeverity.self),
            previousOwner: row["previous_owner"], noteID: row["note_id"], noteAuthor: row["note_author"], noteBody: row["note_body"])
    }

    /// Values for ``columns``, in order.
    func columnValues() -> [(any DatabaseValueConvertible)?] {
        let names = kinds.sorted().map(\.rawValue)
        let kindsText = String(decoding: (try? JSONEncoder().encode(names)) ?? Data("[]".utf8), as: UTF8.self)
        return [
            source, sourceID, at.nanoseconds, actor, kindsText, investigationID, title, status.rawValue, severity.rawValue, owner,
            previousStatus?.rawValue, previousSeverity?.rawValue, previousOwner, noteID, noteAuthor, noteBody,
        ]
    }
}
