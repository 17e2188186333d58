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
