import GRDB
import InquestCore

extension InquestStore {
    /// Buckets at least this wide (10 minutes) are counted from the per-minute rollup when
    /// the histogram is unfiltered; each bucket edge is then exact to the minute.
    static let rollupMinimumBucketWidth: Int64 = 10 * MinuteRollup.minuteNanoseconds

    /// Matching events between `from` and `to` (both inclusive) counted in `buckets` equal
    /// buckets, in one query (see ``HistogramQuery``). Empty buckets are included,
    /// so the result always has `buckets` elements (fewer only when the range has fewer nanoseconds).
    /// A cancelled `cancellation` stops the read (``StoreError/interrupted(operation:)``).
    public func histogram(
        _ filter: FilterSQL, from: Timestamp, to: Timestamp, buckets: Int, cancellation: QueryCancellation? = nil
    ) throws -> [HistogramBucket] {
        guard buckets > 0 else {
            throw StoreError.invalidValue(field: "buckets", value: "\(buckets)", reason: "need at least one bucket")
        }
        guard from <= to else {
            throw StoreError.invalidValue(field: "histogram range", value: "\(from)...\(to)", reason: "the start is after the end")
        }
        let (distance, overflowed) = to.nanoseconds.subtractingReportingOverflow(from.nanoseconds)
        let (span, overflowedAgain) = distance.addingReportingOverflow(1)
        guard !overflowed, !overflowedAgain, span > 0 else {
            throw StoreError.invalidValue(field: "histogram range", value: "\(from)...\(to)", reason: "the range is too wide")
        }
        let count = Int64(buckets)
        let width = span / count + (span % count == 0 ? 0 : 1)
        // Not `(span + width - 1) / width`: a span near Int64.max would overflow.
        let usedBuckets = Int(span / width + (span % width == 0 ? 0 : 1))
        try prepare(filter)
        let rows: [Row]
        if filter == .everything && width >= Self.rollupMinimumBucketWidth {
            // Unfiltered and coarse: the per-minute rollup, not a scan (see MinuteRollup).
            rows = try read("computing a histogram", cancellation: cancellation) { db in
                try MinuteRollup.histogram(db, from: from, to: to, width: width, buckets: usedBuckets)
            }
        } else {
            let query = HistogramQuery(filter: filter, from: from, to: to, width: width, buckets: usedBuckets)
            rows = try read("computing a histogram", cancellation: cancellation) { db in
                try Row.fetchAll(db, sql: query.sql, arguments: query.arguments)
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
