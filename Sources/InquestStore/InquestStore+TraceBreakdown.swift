import GRDB
import InquestCore

extension InquestStore {
    /// Spans per service whose start falls in `window`, against `baseline` (by default the
    /// window of equal length just before): span count, error spans and exact p50/p90/p99
    /// latency (nearest rank over every span's duration; the durations of one window are held
    /// in memory, 8 bytes a span). Reads the `span_by_start` index only.
    public func traceBreakdown(in window: Range<Timestamp>, baseline: Range<Timestamp>? = nil) throws -> TraceBreakdown {
        let baselineWindow = baseline ?? BreakdownComparison.defaultBaseline(before: window)
        return try wrap("computing a trace breakdown") {
            try writer.read { db in
                let current = try Self.spanStatistics(in: window, db)
                let before = try Self.spanStatistics(in: baselineWindow, db)
                let services = Set(current.keys).union(before.keys)
                let rows = services.map { service in
                    TraceBreakdownRow(service: service, window: current[service] ?? SpanStatistics(), baseline: before[service] ?? SpanStatistics())
                }
                return TraceBreakdown(window: window, baselineWindow: baselineWindow, rows: rows)
            }
        }
    }

    private static func spanStatistics(in window: Range<Timestamp>, _ db: Database) throws -> [String: SpanStatistics] {
        guard window.lowerBound < window.upperBound else { return [:] }
        var durations: [String: [Int64]] = [:]
        var errors: [String: Int] = [:]
        let rows = try Row.fetchCursor(
            db, sql: "SELECT service, duration, status = ? FROM span WHERE start >= ? AND start < ?",
            arguments: [SpanStatus.error.rawValue, window.lowerBound.nanoseconds, window.upperBound.nanoseconds])
        while let row = try rows.next() {
            let service: String = row[0]
            durations[service, default: []].append(row[1])
            if row[2] as Bool { errors[service, default: 0] += 1 }
        }
        var result: [String: SpanStatistics] = [:]
        for (service, values) in durations {
            result[service] = SpanStatistics(sortedDurations: values.sorted(), errorSpans: errors[service] ?? 0)
        }
        return result
    }
}

extension InquestStore {
    /// The start of the first and of the last stored span, nil when there is none.
    public func spanTimeRange() throws -> ClosedRange<Timestamp>? {
        try wrap("reading the spans' time range") {
            try writer.read { db in
                guard let first = try Int64.fetchOne(db, sql: "SELECT start FROM span ORDER BY start LIMIT 1"),
                      let last = try Int64.fetchOne(db, sql: "SELECT start FROM span ORDER BY start DESC LIMIT 1")
                else { return nil }
                return Timestamp(nanoseconds: first)...Timestamp(nanoseconds: max(first, last))
            }
        }
    }
}
