import Foundation
import GRDB
import InquestCore

extension Event {
    /// Columns read for a full event.
    static let selection = """
        id, ts, ts_text, time_quality, source_kind, source_name, severity, level_text, service, host,
        message, trace_id, span_id, request_id, attributes, raw, dedupe_key, raw_block, raw_offset, raw_length, template_id
        """

    /// Reads a full event, its raw record restored through `rawBlocks` in `db`; throws
    /// ``StoreError/corruptRow(table:id:column:value:)`` for values this build does not know (a
    /// source kind or severity written by another tool) or a raw block that does not restore.
    init(row: Row, rawBlocks: inout RawBlockReader, in db: Database) throws {
        let id: Int64 = row["id"]
        let keyBytes = [UInt8](row["dedupe_key"] as Data? ?? Data())
        guard let dedupeKey = DedupeKey(bytes: keyBytes) else {
            throw StoreError.corruptRow(table: "event", id: id, column: "dedupe_key", value: "\(keyBytes.count) bytes")
        }
        let raw = try rawBlocks.raw(of: row, id: id, in: db)
        self.init(
            id: id,
            timestamp: Timestamp(nanoseconds: row["ts"]),
            timestampText: row["ts_text"],
            timeQuality: TimeQuality(rawValue: row["time_quality"]),
            sourceKind: try EventColumns.sourceKind(row["source_kind"], id: id),
            sourceName: row["source_name"],
            severity: try EventColumns.severity(row["severity"], id: id),
            levelText: row["level_text"],
            service: row["service"],
            host: row["host"],
            message: row["message"],
            traceID: row["trace_id"],
            spanID: row["span_id"],
            requestID: row["request_id"],
            attributesJSON: row["attributes"],
            raw: raw,
            dedupeKey: dedupeKey,
            templateID: row["template_id"])
    }
}

extension Array where Element == Event {
    /// Full events from rows read with ``Event/selection``, in the same order.
    init(rows: [Row], in db: Database) throws {
        var rawBlocks = RawBlockReader()
        self = try rows.map { try Event(row: $0, rawBlocks: &rawBlocks, in: db) }
    }
}
