import GRDB
import InquestCore

extension InquestStore {
    /// Matching events between `from` and `to` (both inclusive) counted in `buckets` equal
    /// buckets, in one GROUP BY over an arithmetic bucket index. Empty buckets are included,
    /// so the result always has `buckets` elements (fewer only when the range has fewer nanoseconds).
    public func histogram(_ filter: FilterSQL, from: Timestamp, to: Timestamp, buckets: Int) throws -> [HistogramBucket] {
        guard buckets > 0 else {
            throw StoreError.invalidValue(field: "buckets", value: "\(buckets)", reason: "need at least one bucket")
        }
        guard from <= to else {
            throw StoreError.invalidValue(field: "histogram range", value: "\(from)...\(to)", reason: "the start is after the end")
        }
        let (span, overflow) = (to.nanoseconds - from.nanoseconds).addingReportingOverflow(1)
        guard !overflow, span > 0 else {
            throw StoreError.invalidValue(field: "histogram range", value: "\(from)...\(to)", reason: "the range is too wide")
        }
        let count = Int64(buckets)
        let width = span / count + (span % count == 0 ? 0 : 1)
        let usedBuckets = Int((span + width - 1) / width)
        try prepare(filter)
        let rows = try wrap("computing a histogram") {
            try writer.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT (event.ts - ?) / ? AS bucket, count(*) AS total, sum(event.severity >= ?) AS errors
                        FROM event WHERE event.ts >= ? AND event.ts <= ? AND \(filter.condition)
                        GROUP BY bucket
                        """,
                    arguments: StatementArguments([from.nanoseconds, width, Int64(Severity.error.rawValue), from.nanoseconds, to.nanoseconds])
                        + filter.statementArguments())
            }
        }
        var result = (0..<usedBuckets).map { index in
            HistogramBucket(start: Timestamp(nanoseconds: from.nanoseconds + Int64(index) * width), total: 0, errors: 0)
        }
        for row in rows {
            let index: Int = row["bucket"]
            guard result.indices.contains(index) else { continue }
            result[index].total = row["total"]
            result[index].errors = row["errors"]
        }
        return result
    }
}
