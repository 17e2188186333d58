import GRDB
import InquestCore

extension AttributeCounts {
    /// The attribute key of a breakdown these counts answer exactly, if any: one attribute
    /// dimension, beside at most service and severity, under a filter that reads only service
    /// and severity (the fields both the counts and `event_minute_count`, which gives the events
    /// lacking the key, carry), and a key the JSON path reads as written (no quote or backslash).
    static func answeringKey(_ filter: FilterSQL, by dimensions: [BreakdownDimension]) -> String? {
        guard filter.columns.isSubset(of: [.service, .severity]), Set(dimensions).count == dimensions.count else { return nil }
        var key: String?
        for dimension in dimensions {
            switch dimension {
            case .service, .severity: continue
            case .attribute(let name) where key == nil: key = name
            default: return nil
            }
        }
        guard let key, !key.isEmpty, !key.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return nil }
        return key
    }

    /// The keys whose marks keep a bucket's counts from answering `key`: the key, and the first
    /// segment of a dotted one when the filter language also reads it as a nested path
    /// (``FilterSQLAttribute/paths``): `http.method` is `{"http":{"method":…}}` too, and an
    /// object under `http` is never counted.
    static func markingKeys(of key: String) -> [String] {
        guard FilterSQLAttribute(key: key).paths.count > 1, let first = key.split(separator: ".").first else { return [key] }
        return [key, String(first)]
    }

    /// `minutes` (whole buckets) cut into runs read from the counts and the buckets where `key`
    /// or every key is marked, read from the rows.
    static func parts(_ db: Database, key: String, minutes: Range<Int64>) throws -> [MinuteCounts.Part] {
        let keys = markingKeys(of: key)
        let marked = try Int64.fetchAll(
            db,
            sql: """
                SELECT DISTINCT minute FROM \(bucketTable)
                WHERE minute >= ? AND minute < ? AND overflow != 0 AND (attr_key = x'' OR attr_key IN (\(keys.map { _ in "?" }.joined(separator: ", "))))
                ORDER BY minute
                """,
            arguments: StatementArguments([minutes.lowerBound.databaseValue, minutes.upperBound.databaseValue] + keys.map(\.databaseValue)))
        var parts: [MinuteCounts.Part] = []
        var next = minutes.lowerBound
        for minute in marked {
            if next < minute { parts.append(.minutes(next..<minute)) }
            let end = minute + MinuteCounts.bucketMinutes
            let rows = Timestamp(nanoseconds: minute * MinuteRollup.minuteNanoseconds)..<Timestamp(nanoseconds: end * MinuteRollup.minuteNanoseconds)
            if case .rows(let previous) = parts.last, previous.upperBound == rows.lowerBound {
                parts[parts.count - 1] = .rows(previous.lowerBound..<rows.upperBound)
            } else {
                parts.append(.rows(rows))
            }
            next = end
        }
        if next < minutes.upperBound { parts.append(.minutes(next..<minutes.upperBound)) }
        return parts
    }

    /// The queries counting the whole buckets `minutes` (none marked): every event from
    /// `event_minute_count` as lacking the key, then for each counted value its events, taken
    /// away from those lacking it.
    static func queries(_ filter: FilterSQL, by dimensions: [BreakdownDimension], minutes: Range<Int64>, key: String) -> [BreakdownQuery] {
        [
            BreakdownQuery(filter: filter, dimensions: dimensions, minutes: minutes, table: MinuteCounts.byTemplate.table, attribute: "NULL"),
            BreakdownQuery(filter: filter, dimensions: dimensions, minutes: minutes, attributeKey: key, attribute: "event.value", weight: "event.count"),
            BreakdownQuery(filter: filter, dimensions: dimensions, minutes: minutes, attributeKey: key, attribute: "NULL", weight: "-event.count"),
        ]
    }
}
