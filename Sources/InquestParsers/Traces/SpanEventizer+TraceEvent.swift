import InquestCore

extension SpanEventizer {
    /// The one `trace` event of a trace (see ``SpanEventizer`` for the rule): placed at the
    /// anchor's start, named after the root's operation and service, `error` when any span
    /// failed, else `info`.
    ///
    /// Its raw record is the summary itself as compact JSON (a trace has no one input record);
    /// its dedupe key hashes that summary at the anchor's index in the input, so reading the
    /// same spans again gives the same key, and a span event at that index a different one.
    func makeTraceEvent(_ summary: TraceSummary, sourceName: String, sourceIdentity: String) -> Event {
        let anchor = summary.anchor
        let name = anchor.operation.isEmpty ? "span \(anchor.spanID)" : anchor.operation
        let spans = "\(summary.spanCount) span\(summary.spanCount == 1 ? "" : "s")"
        let failed = summary.errorCount > 0 ? ", \(summary.errorCount) failed" : ""
        let head = summary.root == nil ? "trace (root missing) from \(name)" : "trace \(name)"
        let message = "\(head): \(spans)\(failed), \(Self.milliseconds(Double(summary.duration))) ms"
        let attributes: [String: TraceJSONValue] = [
            "operation": .string(anchor.operation),
            "duration_ms": .number(Double(summary.duration) / 1_000_000),
            "span_count": .integer(Int64(summary.spanCount)),
            "error_count": .integer(Int64(summary.errorCount)),
            "root_span_id": summary.root.map { .string($0.spanID) } ?? .null,
            "root_missing": .bool(summary.root == nil),
        ]
        var record = attributes
        record["trace_id"] = .string(summary.traceID)
        record["service"] = .string(anchor.service)
        record["start_ns"] = .integer(anchor.start.nanoseconds)
        let raw = Array(TraceJSONValue.object(record).compactText.utf8)
        let failedAny = summary.errorCount > 0
        return Event(
            timestamp: anchor.start, timestampText: anchor.start.iso8601, sourceKind: .trace, sourceName: sourceName,
            severity: failedAny ? .error : .info, levelText: failedAny ? "error" : nil, service: anchor.service,
            host: anchor.host, message: message, traceID: summary.traceID, spanID: anchor.spanID,
            attributesJSON: TraceJSONValue.object(attributes).compactText, raw: raw,
            dedupeKey: DedupeKey(source: sourceIdentity, raw: raw, offset: Int64(summary.anchorIndex)))
    }
}
