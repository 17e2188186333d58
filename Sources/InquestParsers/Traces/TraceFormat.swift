import Foundation
import InquestCore

/// The trace file formats the parsers read.
public enum TraceFormat: String, Sendable, Hashable, CaseIterable {
    /// OTLP/JSON (`resourceSpans`), see ``OTLPTraceParser``.
    case otlp
    /// Jaeger JSON (`traceID`/`spans`/`processes` or the `data` envelope), see ``JaegerTraceParser``.
    case jaeger
    /// Zipkin v2 JSON span array, see ``ZipkinTraceParser``.
    case zipkin

    /// Parses `data` with this format's parser.
    public func parse(_ data: Data) throws(ParseError) -> [TraceSpan] {
        switch self {
        case .otlp: try OTLPTraceParser.parse(data)
        case .jaeger: try JaegerTraceParser.parse(data)
        case .zipkin: try ZipkinTraceParser.parse(data)
        }
    }
}
