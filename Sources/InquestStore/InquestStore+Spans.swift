import GRDB
import InquestCore

extension InquestStore {
    /// The stored spans of one trace, by start time (then span id). The store keeps spans
    /// compactly: ``TraceSpan/raw`` and ``TraceSpan/eventCount`` come back empty.
    public func spans(traceID: String) throws -> [TraceSpan] {
        try wrap("reading spans of trace \(traceID)") {
            try writer.read { db in
                try Row.fetchAll(
                    db, sql: """
                        SELECT trace_id, span_id, kind, service, parent_span_id, operation, start, duration,
                               status, error_message, host, attributes
                        FROM span WHERE trace_id = ? ORDER BY start, span_id
                        """,
                    arguments: [traceID.lowercased()]
                ).map { row in
                    TraceSpan(
                        traceID: row["trace_id"], spanID: row["span_id"], parentSpanID: row["parent_span_id"],
                        service: row["service"], operation: row["operation"],
                        start: Timestamp(nanoseconds: row["start"]), duration: row["duration"],
                        status: SpanStatus(rawValue: row["status"]) ?? .unset, errorMessage: row["error_message"],
                        kind: SpanKind(rawValue: row["kind"]), host: row["host"], attributesJSON: row["attributes"])
                }
            }
        }
    }

    /// The total number of stored spans.
    public func spanCount() throws -> Int {
        try wrap("counting spans") {
            try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM span") ?? 0 }
        }
    }

    /// Stores `spans` (without their raw JSON; the events emitted for error and slow spans keep
    /// that). Keyed by trace id, span id, kind and service, so the client and server halves of a
    /// Zipkin shared span are both kept and re-ingesting stores nothing. Returns how many were new.
    static func insertSpans(_ spans: [TraceSpan], _ db: Database) throws -> Int {
        guard !spans.isEmpty else { return 0 }
        let statement = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO span (trace_id, span_id, kind, service, parent_span_id, operation, start, duration,
                                        status, error_message, host, attributes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var inserted = 0
        for span in spans {
            try statement.execute(arguments: [
                span.traceID.lowercased(), span.spanID.lowercased(), span.kind?.rawValue ?? "", span.service,
                span.parentSpanID?.lowercased(), span.operation, span.start.nanoseconds, span.duration, span.status.rawValue,
                span.errorMessage, span.host,
                span.attributesJSON,
            ])
            inserted += db.changesCount
        }
        return inserted
    }
}
