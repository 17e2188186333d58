import Foundation
import GRDB
import InquestCore

extension Event {
    /// Columns read for a full event.
    static let selection = """
        id, ts, ts_text, time_quality, source_kind, source_name, severity, level_text, service, host,
        message, trace_id, span_id, request_id, attributes, raw, dedupe_key
        """

    /// Reads a full event; throws ``StoreError/corruptRow(table:id:column:value:)`` for values
    /// this build does not know (a source kind or severity written by another tool).
    init(row: Row) throws {
        let id: Int64 = row["id"]
        let keyBytes = [UInt8](row["dedupe_key"] as Data? ?? Data())
        guard let dedupeKey = DedupeKey(bytes: keyBytes) else {
            throw StoreError.corruptRow(table: "event", id: id, column: "dedupe_key", value: "\(keyBytes.count) bytes")
        }
        self.init(
            id: id,
            timestamp: Timestamp(nanoseconds: row["ts"]),
            timestampText: row["ts_text"],
            timeQuality: TimeQuality(rawValue: row["time_quality"]),
            sourceKind: try EventColumns.sourceKind(row, id: id),
            sourceName: row["source_name"],
            severity: try EventColumns.severity(row, id: id),
            levelText: row["level_text"],
            service: row["service"],
            host: row["host"],
            message: row["message"],
            traceID: row["trace_id"],
            spanID: row["span_id"],
            requestID: row["request_id"],
            attributesJSON: row["attributes"],
            raw: [UInt8](row["raw"] as Data? ?? Data()),
            dedupeKey: dedupeKey)
    }
}

extension EventSummary {
    /// Columns read for a timeline row (no raw bytes, no attributes).
    static let selection = "event.id, event.ts, event.source_kind, event.source_name, event.severity, event.service, event.host, event.message"

    /// Reads a summary; stars, tags and links are filled separately for the rows of a window.
    init(row: Row) throws {
        let id: Int64 = row["id"]
        self.init(
            id: id,
            timestamp: Timestamp(nanoseconds: row["ts"]),
            sourceKind: try EventColumns.sourceKind(row, id: id),
            sourceName: row["source_name"],
            severity: try EventColumns.severity(row, id: id),
            service: row["service"],
            host: row["host"],
            message: row["message"])
    }
}

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
