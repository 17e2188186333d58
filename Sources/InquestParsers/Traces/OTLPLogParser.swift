import Foundation
import InquestCore

/// Reads OTLP/JSON log exports (`ExportLogsServiceRequest`): `resourceLogs[].scopeLogs[].logRecords[]`
/// into `log` events. The service comes from the resource's `service.name`, the host from
/// `host.name`; severity from `severityNumber` (1–4 trace and 5–8 debug → debug, 9–12 info,
/// 13–16 warning, 17–20 error, 21–24 fatal → critical), else from `severityText`; the time from
/// `timeUnixNano`, else `observedTimeUnixNano`. Each record's dedupe key hashes its own JSON, so
/// the same record received twice is stored once.
public enum OTLPLogParser {
    /// Parses every log record of the document, in document order.
    /// - Parameters:
    ///   - sourceName: the events' source name (the receiver's or the file's).
    ///   - sourceIdentity: what the dedupe keys hash with the record's bytes.
    public static func parse(_ data: Data, sourceName: String, sourceIdentity: String) throws(ParseError) -> [Event] {
        let root = TraceJSONCursor(try TraceJSONValue.decode(data), path: "")
        guard case .object = root.value, let resourceLogs = try root.optional("resourceLogs") else {
            throw .unrecognizedLayout(format: "OTLP/JSON logs", expected: "an object with `resourceLogs`")
        }
        var events: [Event] = []
        for resourceLog in try resourceLogs.elements() {
            let resourceAttributes = try resourceLog.optional("resource")?.optionalElements("attributes") ?? []
            let resource = try OTLPAnyValue.keyValues(resourceAttributes)
            let service = resource["service.name"].flatMap(text)
            let host = resource["host.name"].flatMap(text) ?? resource["host.id"].flatMap(text)
            for scope in try resourceLog.optionalElements("scopeLogs") {
                for record in try scope.optionalElements("logRecords") {
                    events.append(try event(record, service: service, host: host, sourceName: sourceName, sourceIdentity: sourceIdentity))
                }
            }
        }
        return events
    }

    private static func event(
        _ record: TraceJSONCursor, service: String?, host: String?, sourceName: String, sourceIdentity: String
    ) throws(ParseError) -> Event {
        var nanoseconds = try record.optional("timeUnixNano")?.integer() ?? 0
        if nanoseconds == 0 { nanoseconds = try record.optional("observedTimeUnixNano")?.integer() ?? 0 }
        guard nanoseconds > 0 else { throw .missingField(path: record.childPath("timeUnixNano")) }
        let levelText = try record.optional("severityText")?.string()
        let number = try record.optional("severityNumber")?.integer()
        let body = try record.optional("body").map { (value) throws(ParseError) in try OTLPAnyValue.plain(value) }
        let message = body.flatMap(text) ?? ""
        var traceID: String?
        if let field = try record.optional("traceId") {
            traceID = try TraceID.normalize(try field.string(), byteCount: 16, path: field.path)
        }
        var spanID: String?
        if let field = try record.optional("spanId") {
            spanID = try TraceID.normalize(try field.string(), byteCount: 8, path: field.path)
        }
        let attributes = try OTLPAnyValue.keyValues(try record.optionalElements("attributes"))
        let raw = Array(record.value.compactText.utf8)
        let timestamp = Timestamp(nanoseconds: nanoseconds)
        return Event(
            timestamp: timestamp, timestampText: timestamp.iso8601, sourceKind: .log, sourceName: sourceName,
            severity: severity(number: number, text: levelText), levelText: levelText, service: service, host: host,
            message: message, traceID: traceID, spanID: spanID,
            attributesJSON: TraceJSONValue.object(attributes).compactText, raw: raw,
            dedupeKey: DedupeKey(source: sourceIdentity, raw: raw, offset: nanoseconds))
    }

    static func severity(number: Int64?, text: String?) -> Severity {
        if let number, number > 0 {
            switch number {
            case ...8: return .debug
            case 9...12: return .info
            case 13...16: return .warning
            case 17...20: return .error
            default: return .critical
            }
        }
        switch text?.lowercased() {
        case "warn", "warning": return .warning
        case "error", "err": return .error
        case "fatal", "critical", "crit": return .critical
        case "debug", "trace": return .debug
        default: return .info
        }
    }

    private static func text(_ value: TraceJSONValue) -> String? {
        if case .string(let text) = value { return text.isEmpty ? nil : text }
        return value == .null ? nil : value.compactText
    }
}
