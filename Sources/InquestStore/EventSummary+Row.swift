import GRDB
import InquestCore

extension EventSummary {
    /// Columns read for a timeline row (no raw bytes, no attributes).
    static let selection = "event.id, event.ts, event.time_quality, event.source_kind, event.source_name, event.severity, event.service, event.host, event.message"

    /// Reads a summary from a row that starts with the columns of ``selection``, in that order;
    /// stars, tags and links are filled separately for the rows of a window. By position, not by
    /// name: GRDB looks a name up case-insensitively (lower-casing it) on every read, which cost
    /// more than the rest of the decoding on a large window.
    init(row: Row) throws {
        let id: Int64 = row[0]
        self.init(
            id: id,
            timestamp: Timestamp(nanoseconds: row[1]),
            isTimeUnknown: TimeQuality(rawValue: row[2]).contains(.unknown),
            sourceKind: try EventColumns.sourceKind(row[3], id: id),
            sourceName: row[4],
            severity: try EventColumns.severity(row[5], id: id),
            service: row[6],
            host: row[7],
            message: row[8])
    }
}
