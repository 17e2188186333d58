import GRDB
import InquestCore

/// The reads behind `inquest suspects` (InquestAnalysis): log templates per service, spans and
/// changes in a time range, and the catalogue of metric series. Each reads one range with
/// one statement; the analysis compares two ranges (the window after a time and the baseline before it).
extension InquestStore {
    /// Log events per service and template with `range.lowerBound <= ts < range.upperBound`
    /// (events without a service or a template are left out).
    public func serviceTemplateCounts(in range: Range<Timestamp>) throws -> [ServiceTemplateCount] {
        try wrap("counting log templates per service") {
            try writer.read { db in
                try Row.fetchAll(
                    db, sql: """
                        SELECT service, template_id, count(*) AS n, max(severity) AS severity, min(ts) AS first
                        FROM event
                        WHERE ts >= ? AND ts < ? AND source_kind = 'log' AND service IS NOT NULL AND template_id IS NOT NULL
                        GROUP BY service, template_id
                        """,
                    arguments: [range.lowerBound.nanoseconds, range.upperBound.nanoseconds]
                ).map { row in
                    ServiceTemplateCount(
                        service: row["service"], templateID: row["template_id"], count: row["n"],
                        severity: Severity(rawValue: row["severity"]) ?? .info,
                        first: Timestamp(nanoseconds: row["first"]))
                }
            }
        }
    }

    /// Log events per trace, span, service and template with `range.lowerBound <= ts < range.upperBound`
    /// (events without a trace id, span id, service or template are left out): which request
    /// wrote which log lines.
    public func spanLogCounts(in range: Range<Timestamp>) throws -> [SpanLogCount] {
        try wrap("counting log templates per span") {
            try writer.read { db in
                var counts: [SpanLogCount] = []
                let rows = try Row.fetchCursor(
                    db, sql: """
                        SELECT trace_id, span_id, service, template_id, max(severity), count(*)
                        FROM event
                        WHERE ts >= ? AND ts < ? AND source_kind = 'log' AND trace_id IS NOT NULL AND span_id IS NOT NULL
                          AND service IS NOT NULL AND template_id IS NOT NULL
                        GROUP BY trace_id, span_id, service, template_id
                        """,
                    arguments: [range.lowerBound.nanoseconds, range.upperBound.nanoseconds])
                while let row = try rows.next() {
                    counts.append(SpanLogCount(
                        traceID: row[0], spanID: row[1], service: row[2], templateID: row[3],
                        severity: Severity(rawValue: row[4]) ?? .info, count: row[5]))
                }
                return counts
            }
        }
    }

    /// The number of log events with `range.lowerBound <= ts < range.upperBound`.
    public func logEventCount(in range: Range<Timestamp>) throws -> Int {
        try wrap("counting log events") {
            try writer.read { db in
                try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM event WHERE ts >= ? AND ts < ? AND source_kind = 'log'",
                    arguments: [range.lowerBound.nanoseconds, range.upperBound.nanoseconds]) ?? 0
            }
        }
    }

    /// The spans that started in `range` (compact: no attributes, host or raw JSON), by start.
    /// Walks the `span_by_start` index over the range only.
    public func spans(startingIn range: Range<Timestamp>) throws -> [TraceSpan] {
        try wrap("reading spans by time") {
            try writer.read { db in
                var spans: [TraceSpan] = []
                let rows = try Row.fetchCursor(
                    db, sql: """
                        SELECT trace_id, span_id, parent_span_id, service, operation, start, duration, status
                        FROM span WHERE start >= ? AND start < ?
                        """,
                    arguments: [range.lowerBound.nanoseconds, range.upperBound.nanoseconds])
                while let row = try rows.next() {
                    spans.append(TraceSpan(
                        traceID: row[0], spanID: row[1], parentSpanID: row[2], service: row[3], operation: row[4],
                        start: Timestamp(nanoseconds: row[5]), duration: row[6],
                        status: SpanStatus(rawValue: row[7]) ?? .unset))
                }
                spans.sort { ($0.start, $0.spanID) < ($1.start, $1.spanID) }
                return spans
            }
        }
    }

    /// Change and CI events (deploys, commits, failed runs) with `range.lowerBound <= ts < range.upperBound`, by time.
    public func changeEvents(in range: Range<Timestamp>) throws -> [EventSummary] {
        try wrap("reading changes") {
            try writer.read { db in
                try Row.fetchAll(
                    db, sql: """
                        SELECT \(EventSummary.selection) FROM event
                        WHERE ts >= ? AND ts < ? AND source_kind IN ('change', 'ci') ORDER BY ts, id LIMIT 10000
                        """,
                    arguments: [range.lowerBound.nanoseconds, range.upperBound.nanoseconds]
                ).map(EventSummary.init(row:))
            }
        }
    }

    /// The start of the latest burst of error events at or before `time`: the earliest error
    /// of the last run of errors no more than `gap` apart. Nil when no error precedes `time`.
    public func errorBurstStart(atOrBefore time: Timestamp, gap: Int64) throws -> Timestamp? {
        try wrap("finding the error burst") {
            try writer.read { db in
                let rows = try Int64.fetchCursor(
                    db, sql: "SELECT ts FROM event WHERE ts <= ? AND severity >= ? ORDER BY ts DESC LIMIT 100000",
                    arguments: [time.nanoseconds, Severity.error.rawValue])
                var start: Int64?
                while let ts = try rows.next() {
                    if let current = start, current - ts > gap { break }
                    start = ts
                }
                return start.map(Timestamp.init(nanoseconds:))
            }
        }
    }
}
