/// One span of a distributed trace, normalised from OTLP/JSON, Jaeger JSON or Zipkin v2 JSON
/// by the parsers, and kept compactly by the store (which leaves ``raw`` and ``eventCount``
/// to the events emitted for error and slow spans: a span read back has them empty).
///
/// Ids are lower-case hex whatever the input wrote (OTLP base64 ids are converted).
public struct TraceSpan: Sendable, Hashable {
    /// Lower-case hex trace id (32 or 16 digits).
    public var traceID: String
    /// Lower-case hex span id (16 digits).
    public var spanID: String
    /// The parent span's id, nil for a root span.
    public var parentSpanID: String?
    /// The service that recorded the span (`service.name`, Jaeger process, Zipkin endpoint);
    /// `unknown` when the input names none.
    public var service: String
    /// The operation (span name, Jaeger `operationName`).
    public var operation: String
    /// When the span started, UTC.
    public var start: Timestamp
    /// How long it took, in nanoseconds (0 when the input has no duration).
    public var duration: Int64
    /// Whether the span records a failure.
    public var status: SpanStatus
    /// The failure's message (status message, `error` tag, exception message), if any.
    public var errorMessage: String?
    /// The span's role in the call, when the input says.
    public var kind: SpanKind?
    /// The host the span ran on (`host.name`, `hostname`, `ip`, endpoint address), if known.
    public var host: String?
    /// Tags/attributes as one compact JSON object text, keys sorted (`{}` when none).
    public var attributesJSON: String
    /// The number of span events (OTLP `events`, Jaeger `logs`, Zipkin `annotations`).
    public var eventCount: Int
    /// The span's own JSON, re-serialised compact with sorted keys.
    public var raw: [UInt8]

    public init(
        traceID: String, spanID: String, parentSpanID: String? = nil, service: String, operation: String,
        start: Timestamp, duration: Int64, status: SpanStatus = .unset, errorMessage: String? = nil,
        kind: SpanKind? = nil, host: String? = nil, attributesJSON: String = "{}", eventCount: Int = 0,
        raw: [UInt8] = []
    ) {
        self.traceID = traceID
        self.spanID = spanID
        self.parentSpanID = parentSpanID
        self.service = service
        self.operation = operation
        self.start = start
        self.duration = duration
        self.status = status
        self.errorMessage = errorMessage
        self.kind = kind
        self.host = host
        self.attributesJSON = attributesJSON
        self.eventCount = eventCount
        self.raw = raw
    }

    /// When the span ended (start + duration).
    public var end: Timestamp { start.advanced(saturating: duration) }

    /// The duration in milliseconds.
    public var durationMilliseconds: Double { Double(duration) / 1_000_000 }
}
