import GRDB
import InquestCore

/// Decoding of the enum columns shared by ``Event`` and ``EventSummary``.
enum EventColumns {
    static func sourceKind(_ text: String, id: Int64) throws -> SourceKind {
        guard let kind = SourceKind(rawValue: text) else {
            throw StoreError.corruptRow(table: "event", id: id, column: "source_kind", value: text)
        }
        return kind
    }

    static func severity(_ value: Int, id: Int64) throws -> Severity {
        guard let severity = Severity(rawValue: value) else {
            throw StoreError.corruptRow(table: "event", id: id, column: "severity", value: "\(value)")
        }
        return severity
    }
}
