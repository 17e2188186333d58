import InquestCore
import InquestParsers
import InquestStore

extension StoredSpan {
    /// The compact stored form of a parsed span (its raw JSON is left to the events that need it).
    public init(_ span: Span) {
        self.init(
            traceID: span.traceID, spanID: span.spanID, parentSpanID: span.parentSpanID, service: span.service,
            operation: span.operation, start: span.start, duration: span.duration, status: span.status.rawValue,
            errorMessage: span.errorMessage, kind: span.kind?.rawValue ?? "", host: span.host,
            attributesJSON: span.attributesJSON)
    }
}

extension Span {
    /// A parsed span rebuilt from its stored form (for ``SpanTree``); `raw` is empty.
    public init(_ stored: StoredSpan) {
        self.init(
            traceID: stored.traceID, spanID: stored.spanID, parentSpanID: stored.parentSpanID, service: stored.service,
            operation: stored.operation, start: stored.start, duration: stored.duration,
            status: SpanStatus(rawValue: stored.status) ?? .unset, errorMessage: stored.errorMessage,
            kind: SpanKind(rawValue: stored.kind), host: stored.host, attributesJSON: stored.attributesJSON)
    }
}

extension MetricPoint {
    /// The stored form of a parsed sample.
    public init(_ sample: MetricSample) {
        self.init(name: sample.series, labels: sample.labels, timestamp: sample.timestamp, value: sample.value)
    }
}
