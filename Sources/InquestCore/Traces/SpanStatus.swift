/// Whether a span records a failure.
public enum SpanStatus: String, Sendable, Hashable, CaseIterable {
    /// Explicitly successful (OTLP `STATUS_CODE_OK`).
    case ok
    /// Failed (OTLP status code 2, Jaeger `error=true`, Zipkin `error` tag or HTTP 5xx).
    case error
    /// Nothing recorded: the default for spans that did not fail.
    case unset
}
