import InquestCore
import Foundation

/// Reads Zipkin v2 JSON: an array of spans (or one span object).
///
/// Times are microseconds; a span without `timestamp` (a late or shared fragment) starts at
/// its first annotation, else at 0, and one without `duration` lasts 0. The service is
/// `localEndpoint.serviceName`, else `remoteEndpoint.serviceName`, else `unknown`. A span is
/// an error when it has an `error` tag (any value, even empty) or `http.status_code` ≥ 500.
public enum ZipkinTraceParser {
    /// Parses every span of the document, in document order.
    public static func parse(_ data: Data) throws(ParseError) -> [TraceSpan] {
        let root = TraceJSONCursor(try TraceJSONValue.decode(data), path: "")
        switch root.value {
        case .array:
            var spans: [TraceSpan] = []
            for span in try root.elements() { spans.append(try parseSpan(span)) }
            return spans
        case .object:
            return [try parseSpan(root)]
        default:
            throw .unrecognizedLayout(format: "Zipkin v2 JSON", expected: "an array of spans")
        }
    }

    private static func parseSpan(_ span: TraceJSONCursor) throws(ParseError) -> TraceSpan {
        let traceField = try span.required("traceId")
        let spanField = try span.required("id")
        guard let traceID = try TraceID.normalize(try traceField.string(), byteCount: 16, path: traceField.path),
            let spanID = try TraceID.normalize(try spanField.string(), byteCount: 8, path: spanField.path)
        else { throw .missingField(path: span.childPath("id")) }
        var parentSpanID: String?
        if let parent = try span.optional("parentId") {
            parentSpanID = try TraceID.normalizeParent(try parent.string(), path: parent.path)
        }
        var tags: [String: TraceJSONValue] = [:]
        if let tagObject = try span.optional("tags") {
            for (key, value) in try tagObject.members() { tags[key] = .string(value.scalarText()) }
        }
        let annotations = try span.optionalElements("annotations")
        var start = try span.optional("timestamp")?.integer(scaledBy: 1_000)
        if start == nil, let first = annotations.first {
            start = try first.optional("timestamp")?.integer(scaledBy: 1_000)
        }
        let local = try span.optional("localEndpoint")
        let remote = try span.optional("remoteEndpoint")
        let localService = try field("serviceName", of: local)
        let remoteService = try field("serviceName", of: remote)
        let service = localService ?? remoteService ?? "unknown"
        let ipv4 = try field("ipv4", of: local)
        let ipv6 = try field("ipv6", of: local)
        let host = ipv4 ?? ipv6
        let errorTag: String? = if case .string(let text)? = tags["error"] { text } else { nil }
        let statusCode = tags["http.status_code"].flatMap { value -> Int? in
            if case .string(let text) = value { return Int(text) }
            return nil
        }
        let isError = errorTag != nil || (statusCode ?? 0) >= 500
        return TraceSpan(
            traceID: traceID, spanID: spanID, parentSpanID: parentSpanID, service: service,
            operation: try span.optional("name")?.string() ?? "",
            start: Timestamp(nanoseconds: start ?? 0),
            duration: max(0, try span.optional("duration")?.integer(scaledBy: 1_000) ?? 0),
            status: isError ? .error : .unset,
            errorMessage: isError ? nonEmpty(errorTag) ?? statusCode.map { "HTTP \($0)" } : nil,
            kind: try span.optional("kind").flatMap { (kind) throws(ParseError) in SpanKind(text: try kind.string()) },
            host: host, attributesJSON: TraceJSONValue.object(tags).compactText, eventCount: annotations.count,
            raw: Array(span.value.compactText.utf8))
    }

    /// A non-empty string member of an endpoint, or nil.
    private static func field(_ key: String, of endpoint: TraceJSONCursor?) throws(ParseError) -> String? {
        guard let endpoint, let member = try endpoint.optional(key) else { return nil }
        return nonEmpty(try member.string())
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }
}
