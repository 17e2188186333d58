import InquestCore
import Foundation

extension SpanEventizer {
    func makeEvent(_ span: TraceSpan, slowness: Slowness?, offset: Int64, sourceName: String, sourceIdentity: String) -> Event {
        let milliseconds = Self.milliseconds(Double(span.duration))
        let name = span.operation.isEmpty ? "span \(span.spanID)" : span.operation
        let severity: Severity
        let message: String
        if span.status == .error {
            severity = .error
            message = "\(name) failed" + (span.errorMessage.map { ": \($0)" } ?? "") + " (\(milliseconds) ms)"
        } else if let slowness {
            severity = slowness.ratio >= configuration.criticalMultiplier ? .critical : .warning
            message = "\(name) slow: \(milliseconds) ms, "
                + String(format: "%.1f", slowness.ratio) + "× its median \(Self.milliseconds(slowness.medianNanoseconds)) ms"
        } else {
            severity = .info
            message = "\(name) (\(milliseconds) ms)"
        }
        var attributes: [String: TraceJSONValue] = [
            "operation": .string(span.operation),
            "duration_ms": .number(Double(span.duration) / 1_000_000),
            "parent_span_id": span.parentSpanID.map(TraceJSONValue.string) ?? .null,
            "span_kind": span.kind.map { .string($0.rawValue) } ?? .null,
            "status": .string(span.status.rawValue),
        ]
        if let slowness {
            attributes["slow"] = .bool(true)
            attributes["baseline_median_ms"] = .number(slowness.medianNanoseconds / 1_000_000)
        }
        return Event(
            timestamp: span.start, timestampText: span.start.iso8601, sourceKind: .trace, sourceName: sourceName,
            severity: severity, levelText: span.status == .error ? "error" : nil, service: span.service,
            host: span.host, message: message, traceID: span.traceID, spanID: span.spanID,
            attributesJSON: TraceJSONValue.object(attributes).compactText, raw: span.raw,
            dedupeKey: DedupeKey(source: sourceIdentity, raw: span.raw, offset: offset))
    }

    /// Nanoseconds as milliseconds with one decimal (`123.4`).
    static func milliseconds(_ nanoseconds: Double) -> String {
        String(format: "%.1f", nanoseconds / 1_000_000)
    }
}
