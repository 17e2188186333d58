import InquestCore
import Foundation

/// Reads Jaeger JSON: one trace `{traceID, spans[], processes{}}`, the query API envelope
/// `{"data": [trace, ...]}`, or an array of traces.
///
/// Times are microseconds. The parent is the first `CHILD_OF` reference (else the first
/// `FOLLOWS_FROM`, else the legacy `parentSpanID` field). A span is an error when a tag
/// `error` is true (boolean or the string `true`) or `otel.status_code` is `ERROR`.
public enum JaegerTraceParser {
    /// Parses every span of every trace in the document, in document order.
    public static func parse(_ data: Data) throws(ParseError) -> [TraceSpan] {
        let root = TraceJSONCursor(try TraceJSONValue.decode(data), path: "")
        var spans: [TraceSpan] = []
        for trace in try traces(root) {
            let processes = try readProcesses(trace)
            for span in try trace.required("spans").elements() {
                spans.append(try parseSpan(span, processes: processes))
            }
        }
        return spans
    }

    private static func traces(_ root: TraceJSONCursor) throws(ParseError) -> [TraceJSONCursor] {
        switch root.value {
        case .array:
            return try root.elements()
        case .object:
            if try root.optional("spans") != nil { return [root] }
            if let data = try root.optional("data") { return try data.elements() }
        default:
            break
        }
        throw .unrecognizedLayout(format: "Jaeger JSON", expected: "`{traceID, spans, processes}` or `{\"data\": [...]}`")
    }

    /// A Jaeger process: the service and the host read from its tags.
    struct Process {
        var service: String
        var host: String?
    }

    private static func readProcesses(_ trace: TraceJSONCursor) throws(ParseError) -> [String: Process] {
        guard let processes = try trace.optional("processes") else { return [:] }
        var out: [String: Process] = [:]
        for (key, process) in try processes.members() {
            let tags = try readTags(try process.optionalElements("tags"))
            let service = try process.optional("serviceName")?.string()
            out[key] = Process(
                service: service.flatMap { $0.isEmpty ? nil : $0 } ?? "unknown",
                host: Self.text(tags["hostname"]) ?? Self.text(tags["host.name"]) ?? Self.text(tags["ip"]))
        }
        return out
    }

    private static func text(_ value: TraceJSONValue?) -> String? {
        guard let value, value != .null else { return nil }
        if case .string(let text) = value { return text.isEmpty ? nil : text }
        return value.compactText
    }

    /// `[{key, type, value}]` as a dictionary; `type` is not needed because values are JSON-typed.
    static func readTags(_ tags: [TraceJSONCursor]) throws(ParseError) -> [String: TraceJSONValue] {
        var out: [String: TraceJSONValue] = [:]
        for tag in tags {
            out[try tag.required("key").string()] = try tag.optional("value")?.value ?? .null
        }
        return out
    }

    private static func parseSpan(_ span: TraceJSONCursor, processes: [String: Process]) throws(ParseError) -> TraceSpan {
        let traceField = try span.required("traceID")
        let spanField = try span.required("spanID")
        guard let traceID = try TraceID.normalize(try traceField.string(), byteCount: 16, path: traceField.path),
            let spanID = try TraceID.normalize(try spanField.string(), byteCount: 8, path: spanField.path)
        else { throw .missingField(path: "\(span.path).spanID") }
        let tags = try readTags(try span.optionalElements("tags"))
        let process = try readProcess(span, processes: processes)
        let isError = tags["error"] == .bool(true) || tags["error"] == .string("true")
            || text(tags["otel.status_code"])?.uppercased() == "ERROR"
        let logs = try span.optionalElements("logs")
        return TraceSpan(
            traceID: traceID, spanID: spanID, parentSpanID: try readParent(span),
            service: process?.service ?? "unknown", operation: try span.optional("operationName")?.string() ?? "",
            start: Timestamp(nanoseconds: try span.required("startTime").integer(scaledBy: 1_000)),
            duration: max(0, try span.optional("duration")?.integer(scaledBy: 1_000) ?? 0),
            status: isError ? .error : (text(tags["otel.status_code"])?.uppercased() == "OK" ? .ok : .unset),
            errorMessage: isError ? errorMessage(tags: tags, logs: logs) : nil,
            kind: text(tags["span.kind"]).flatMap(SpanKind.init(text:)), host: process?.host,
            attributesJSON: TraceJSONValue.object(tags).compactText, eventCount: logs.count,
            raw: Array(span.value.compactText.utf8))
    }

    private static func readProcess(_ span: TraceJSONCursor, processes: [String: Process]) throws(ParseError) -> Process? {
        if let embedded = try span.optional("process") {
            let tags = try readTags(try embedded.optionalElements("tags"))
            return Process(
                service: try embedded.optional("serviceName")?.string() ?? "unknown",
                host: text(tags["hostname"]) ?? text(tags["ip"]))
        }
        guard let processID = try span.optional("processID")?.string() else { return nil }
        return processes[processID]
    }

    private static func readParent(_ span: TraceJSONCursor) throws(ParseError) -> String? {
        var followsFrom: String?
        for reference in try span.optionalElements("references") {
            let type = try reference.optional("refType")?.string() ?? "CHILD_OF"
            let idField = try reference.required("spanID")
            let id = try TraceID.normalizeParent(try idField.string(), path: idField.path)
            if type == "CHILD_OF", let id { return id }
            if followsFrom == nil { followsFrom = id }
        }
        if followsFrom == nil, let legacy = try span.optional("parentSpanID") {
            followsFrom = try TraceID.normalizeParent(try legacy.string(), path: legacy.path)
        }
        return followsFrom
    }

    /// `otel.status_description`, else the `error.object`/`message`/`event` field of an error log.
    private static func errorMessage(tags: [String: TraceJSONValue], logs: [TraceJSONCursor]) -> String? {
        if let description = text(tags["otel.status_description"]) { return description }
        for log in logs {
            guard let fields = try? readTags(log.optionalElements("fields")) else { continue }
            if fields["event"] == .string("error") || fields["error.object"] != nil || fields["error.kind"] != nil {
                return text(fields["message"]) ?? text(fields["error.object"]) ?? text(fields["error.kind"])
            }
        }
        return nil
    }
}
