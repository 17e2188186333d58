/// A span's role in the call, following OTLP's `SpanKind` (Jaeger/Zipkin `span.kind`).
public enum SpanKind: String, Sendable, Hashable, CaseIterable {
    case `internal`
    case server
    case client
    case producer
    case consumer

    /// Reads a kind as written by any of the formats (`SERVER`, `SPAN_KIND_SERVER`, `server`), or nil.
    public init?(text: String) {
        var lowered = text.lowercased()
        if lowered.hasPrefix("span_kind_") { lowered.removeFirst("span_kind_".count) }
        self.init(rawValue: lowered)
    }

    /// Reads an OTLP numeric kind (1 internal ... 5 consumer); 0 (unspecified) gives nil.
    public init?(otlpCode: Int64) {
        switch otlpCode {
        case 1: self = .internal
        case 2: self = .server
        case 3: self = .client
        case 4: self = .producer
        case 5: self = .consumer
        default: return nil
        }
    }
}
