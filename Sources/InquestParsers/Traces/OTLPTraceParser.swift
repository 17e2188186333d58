import InquestCore
import Foundation

/// Reads OTLP/JSON trace exports (`ExportTraceServiceRequest`):
/// `resourceSpans[].scopeSpans[].spans[]`, and the pre-1.0 `instrumentationLibrarySpans`.
///
/// Ids may be hex (the OTLP/JSON spec) or base64 (the generic protobuf JSON mapping);
/// times may be JSON numbers or decimal strings; the service comes from the resource
/// attribute `service.name` and the host from `host.name` (else `host.id`).
public enum OTLPTraceParser {
    /// Parses every span of the document, in document order.
    public static func parse(_ data: Data) throws(ParseError) -> [TraceSpan] {
        let root = TraceJSONCursor(try TraceJSONValue.decode(data), path: "")
        guard case .object = root.value, let resourceSpans = try root.optional("resourceSpans") else {
            throw .unrecognizedLayout(format: "OTLP/JSON", expected: "an object with `resourceSpans`")
        }
        var spans: [TraceSpan] = []
        for resourceSpan in try resourceSpans.elements() {
            let resourceAttributes = try resourceSpan.optional("resource")?.optionalElements("attributes") ?? []
            let resource = try OTLPAnyValue.keyValues(resourceAttributes)
            let service = resource["service.name"].flatMap(Self.text) ?? "unknown"
            let host = resource["host.name"].flatMap(Self.text) ?? resource["host.id"].flatMap(Self.text)
            var scopes = try resourceSpan.optionalElements("scopeSpans")
            scopes += try resourceSpan.optionalElements("instrumentationLibrarySpans")
            for scope in scopes {
                for span in try scope.optionalElements("spans") {
                    spans.append(try parseSpan(span, service: service, host: host))
                }
            }
        }
        return spans
    }

    private static func text(_ value: TraceJSONValue) -> String? {
        if case .string(let text) = value { return text.isEmpty ? nil : text }
        return value == .null ? nil : value.compactText
    }

    private static func parseSpan(_ span: TraceJSONCursor, service: String, host: String?) throws(ParseError) -> TraceSpan {
        let traceField = try span.required("traceId")
        let spanField = try span.required("spanId")
        guard let traceID = try TraceID.normalize(try traceField.string(), byteCount: 16, path: traceField.path) else {
            throw .missingField(path: traceField.path)
        }
        guard let spanID = try TraceID.normalize(try spanField.string(), byteCount: 8, path: spanField.path) else {
            throw .missingField(path: spanField.path)
        }
        var parentSpanID: String?
        if let parent = try span.optional("parentSpanId") {
            parentSpanID = try TraceID.normalizeParent(try parent.string(), path: parent.path)
        }
        let startField = try span.required("startTimeUnixNano")
        let start = try startField.integer()
        let end = try span.optional("endTimeUnixNano")?.integer() ?? start
        let attributes = try OTLPAnyValue.keyValues(try span.optionalElements("attributes"))
        let (status, statusMessage) = try readStatus(span)
        let events = try span.optionalElements("events")
        return TraceSpan(
            traceID: traceID, spanID: spanID, parentSpanID: parentSpanID, service: service,
            operation: try span.optional("name")?.string() ?? "",
            start: Timestamp(nanoseconds: start), duration: max(0, end &- start), status: status,
            errorMessage: status == .error ? statusMessage ?? exceptionMessage(events) : nil,
            kind: try readKind(span), host: host,
            attributesJSON: TraceJSONValue.object(attributes).compactText, eventCount: events.count,
            raw: Array(span.value.compactText.utf8))
    }

    private static func readKind(_ span: TraceJSONCursor) throws(ParseError) -> SpanKind? {
        guard let kind = try span.optional("kind") else { return nil }
        if case .string(let text) = kind.value, Int64(text) == nil { return SpanKind(text: text) }
        return SpanKind(otlpCode: try kind.integer())
    }

    /// Status code 2 / `STATUS_CODE_ERROR` is an error, 1 / `STATUS_CODE_OK` is ok.
    private static func readStatus(_ span: TraceJSONCursor) throws(ParseError) -> (SpanStatus, String?) {
        guard let status = try span.optional("status") else { return (.unset, nil) }
        let message = try status.optional("message").map { (field) throws(ParseError) in try field.string() }
        guard let code = try status.optional("code") else { return (.unset, message) }
        if case .string(let text) = code.value, Int64(text) == nil {
            switch text.uppercased() {
            case "STATUS_CODE_ERROR", "ERROR": return (.error, message.flatMap { $0.isEmpty ? nil : $0 })
            case "STATUS_CODE_OK", "OK": return (.ok, message)
            default: return (.unset, message)
            }
        }
        switch try code.integer() {
        case 2: return (.error, message.flatMap { $0.isEmpty ? nil : $0 })
        case 1: return (.ok, message)
        default: return (.unset, message)
        }
    }

    /// The `exception.message` of the first `exception` span event, if any.
    private static func exceptionMessage(_ events: [TraceJSONCursor]) -> String? {
        for event in events {
            guard (try? event.optional("name")?.string()) == "exception",
                let attributes = try? event.optionalElements("attributes"),
                let values = try? OTLPAnyValue.keyValues(attributes),
                case .string(let message)? = values["exception.message"]
            else { continue }
            return message
        }
        return nil
    }
}
