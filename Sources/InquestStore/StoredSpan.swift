import InquestCore

/// One span of a trace as the store keeps it (compact: no raw JSON; the events emitted for
/// error and slow spans keep that). Keyed by trace id, span id, kind and service, so the
/// client and server halves of a Zipkin shared span are both kept and re-ingesting stores nothing.
public struct StoredSpan: Sendable, Hashable {
    /// Lower-case hex trace id.
    public var traceID: String
    /// Lower-case hex span id.
    public var spanID: String
    /// The parent span's id; nil for a root.
    public var parentSpanID: String?
    /// The service that recorded the span.
    public var service: String
    /// The operation (span name).
    public var operation: String
    /// When the span started, UTC.
    public var start: Timestamp
    /// How long it took, in nanoseconds.
    public var duration: Int64
    /// `ok`, `error` or `unset`.
    public var status: String
    /// The failure message, when the span failed and said why.
    public var errorMessage: String?
    /// `server`, `client`, `internal`, `producer`, `consumer`, or empty when unknown.
    public var kind: String
    /// The host the span ran on, if known.
    public var host: String?
    /// Attributes as one compact JSON object text.
    public var attributesJSON: String

    /// Creates a span.
    public init(
        traceID: String, spanID: String, parentSpanID: String? = nil, service: String, operation: String,
        start: Timestamp, duration: Int64, status: String = "unset", errorMessage: String? = nil,
        kind: String = "", host: String? = nil, attributesJSON: String = "{}"
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
    }

    /// True when the span records a failure.
    public var isError: Bool { status == "error" }
}
