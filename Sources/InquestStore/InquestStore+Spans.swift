import GRDB
import InquestCore

extension InquestStore {
    /// The stored spans of one trace, by start time (then span id).
    public func spans(traceID: String) throws -> [StoredSpan] {
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
                    StoredSpan(
                        traceID: row["trace_id"], spanID: row["span_id"], parentSpanID: row["parent_span_id"],
                        service: row["service"], operation: row["operation"],
                        start: Timestamp(nanoseconds: row["start"]), duration: row["duration"],
                        status: row["status"], errorMessage: row["error_message"], kind: row["kind"],
                        host: row["host"], attributesJSON: row["attributes"])
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

    /// Stores `spans`; returns how many were new.
    static func insertSpans(_ spans: [StoredSpan], _ db: Database) throws -> Int {
        guard !spans.isEmpty else { return 0 }
        let statement = try db.cachedStatement(sql: """
            INSERT OR IGNORE INTO span (trace_id, span_id, kind, service, parent_span_id, operation, start, duration,
                                        status, error_message, host, attributes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        var inserted = 0
        for span in spans {
            try statement.execute(arguments: [
                span.traceID.lowercased(), span.spanID.lowercased(), span.kind, span.service, span.parentSpanID?.lowercased(),
                span.operation, span.start.nanoseconds, span.duration, span.status, span.errorMessage, span.host,
                span.attributesJSON,
            ])
            inserted += db.changesCount
        }
        return inserted
    }
}
