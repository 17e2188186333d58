import GRDB
import InquestCore

/// Decoding of the enum columns shared by ``Event`` and ``EventSummary``.
enum EventColumns {
    static func sourceKind(_ row: Row, id: Int64) throws -> SourceKind {
        let text: String = row["source_kind"]
        guard let kind = SourceKind(rawValue: text) else {
            throw StoreError.corruptRow(table: "event", id: id, column: "source_kind", value: text)
        }
        return kind
    }

    static func severity(_ row: Row, id: Int64) throws -> Severity {
        let value: Int = row["severity"]
        guard let severity = Severity(rawValue: value) else {
            throw StoreError.corruptRow(table: "event", id: id, column: "severity", value: "\(value)")
        }
        return severity
    }
}
