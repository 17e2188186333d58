import GRDB
import InquestCore

extension EventSummary {
    /// Columns read for a timeline row (no raw bytes, no attributes).
    static let selection = "event.id, event.ts, event.time_quality, event.source_kind, event.source_name, event.severity, event.service, event.host, event.message"

    /// Reads a summary; stars, tags and links are filled separately for the rows of a window.
    init(row: Row) throws {
        let id: Int64 = row["id"]
        self.init(
            id: id,
            timestamp: Timestamp(nanoseconds: row["ts"]),
            isTimeUnknown: TimeQuality(rawValue: row["time_quality"]).contains(.unknown),
            sourceKind: try EventColumns.sourceKind(row, id: id),
            sourceName: row["source_name"],
            severity: try EventColumns.severity(row, id: id),
            service: row["service"],
            host: row["host"],
            message: row["message"])
    }
}
