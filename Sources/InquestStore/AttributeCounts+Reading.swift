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

    /// Whether a breakdown may read a key's per-value counts (``valueTable``), which keep
    /// neither service nor severity apart: the key is its only dimension and the filter reads
    /// no field.
    static func valuesAnswer(_ filter: FilterSQL, by dimensions: [BreakdownDimension]) -> Bool {
        guard filter.columns.isEmpty, dimensions.count == 1, case .attribute = dimensions[0] else { return false }
        return true
    }

    /// How a window's whole buckets are read for a breakdown by an attribute key.
    enum Part: Equatable {
        case rows(Range<Timestamp>)
        /// Buckets (first minutes in the range) read from ``countTable``.
        case counts(Range<Int64>)
        /// Buckets read from ``valueTable``.
        case values(Range<Int64>)
    }

    /// `minutes` (whole buckets) cut into runs read from the counts (``countTable``, or
    /// ``valueTable`` where the key is ``BucketState/valuesOnly`` and `valuesAnswer`) and the
    /// buckets where `key`, its first dotted segment or every key is not kept (or the query
    /// cannot read the per-value counts), read from the rows.
    static func parts(_ db: Database, key: String, minutes: Range<Int64>, valuesAnswer: Bool) throws -> [Part] {
        let keys = markingKeys(of: key)
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT minute, attr_key, overflow FROM \(bucketTable)
                WHERE minute >= ? AND minute < ? AND overflow != 0 AND (attr_key = x'' OR attr_key IN (\(keys.map { _ in "?" }.joined(separator: ", "))))
                ORDER BY minute
                """,
            arguments: StatementArguments([minutes.lowerBound.databaseValue, minutes.upperBound.databaseValue] + keys.map(\.databaseValue)))
        /// Per bucket with a mark: whether it reads its rows (else its per-value counts).
        var readsRows: [Int64: Bool] = [:]
        for row in rows {
            let minute: Int64 = row[0]
            let name: DatabaseValue = row[1]
            let state: Int64 = row[2]
            let isKey = name == key.databaseValue
            let values = state == BucketState.valuesOnly.rawValue
            if !values { readsRows[minute] = true } else if isKey { readsRows[minute] = readsRows[minute] ?? false || !valuesAnswer }
        }
        var parts: [Part] = []
        func add(_ part: Part) {
            switch (parts.last, part) {
            case (.rows(let previous)?, .rows(let next)) where previous.upperBound == next.lowerBound:
                parts[parts.count - 1] = .rows(previous.lowerBound..<next.upperBound)
            case (.counts(let previous)?, .counts(let next)) where previous.upperBound == next.lowerBound:
                parts[parts.count - 1] = .counts(previous.lowerBound..<next.upperBound)
            case (.values(let previous)?, .values(let next)) where previous.upperBound == next.lowerBound:
                parts[parts.count - 1] = .values(previous.lowerBound..<next.upperBound)
            default: parts.append(part)
            }
        }
        var next = minutes.lowerBound
        for (minute, rows) in readsRows.sorted(by: { $0.key < $1.key }) {
            if next < minute { add(.counts(next..<minute)) }
            let end = minute + MinuteCounts.bucketMinutes
            if rows {
                add(.rows(Timestamp(nanoseconds: minute * MinuteRollup.minuteNanoseconds)..<Timestamp(nanoseconds: end * MinuteRollup.minuteNanoseconds)))
            } else {
                add(.values(minute..<end))
            }
            next = end
        }
        if next < minutes.upperBound { add(.counts(next..<minutes.upperBound)) }
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

    /// The queries counting the whole buckets `minutes` from the key's per-value counts (a
    /// breakdown ``valuesAnswer(_:by:)`` allows): every event as lacking the key, then each
    /// value's errors and other events, taken away from those lacking it.
    static func valueQueries(_ filter: FilterSQL, by dimensions: [BreakdownDimension], minutes: Range<Int64>, key: String) -> [BreakdownQuery] {
        [BreakdownQuery(filter: filter, dimensions: dimensions, minutes: minutes, table: MinuteCounts.byTemplate.table, attribute: "NULL")]
            + [("event.value", ""), ("NULL", "-")].flatMap { attribute, sign in
                [
                    BreakdownQuery(filter: filter, dimensions: dimensions, minutes: minutes, valuesOf: key, attribute: attribute, error: "1", weight: "\(sign)event.errors"),
                    BreakdownQuery(
                        filter: filter, dimensions: dimensions, minutes: minutes, valuesOf: key, attribute: attribute, error: "0",
                        weight: "\(sign)(event.count - event.errors)"),
                ]
            }
    }
}
