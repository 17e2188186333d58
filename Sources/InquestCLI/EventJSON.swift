import Foundation
import InquestCore

/// The `--format jsonl` object of one event. Keys are stable; absent values are omitted.
enum EventJSON {
    /// `templates` resolves the event's stored template id to the template it reads as now.
    static func object(for event: Event, templates: [Int64: LogTemplate] = [:]) -> [String: Any] {
        var object: [String: Any] = [
            "id": event.id ?? 0,
            "time": event.timestamp.iso8601,
            "time_text": event.timestampText,
            "zone_known": event.timeQuality.zoneKnown,
            "source_kind": event.sourceKind.rawValue,
            "source": event.sourceName,
            "severity": event.severity.name,
            "message": event.message,
            "raw": String(decoding: event.raw, as: UTF8.self),
        ]
        if let explanation = event.timeQuality.explanation { object["time_assumption"] = explanation }
        if let level = event.levelText { object["level"] = level }
        if let service = event.service { object["service"] = service }
        if let host = event.host { object["host"] = host }
        if let trace = event.traceID { object["trace_id"] = trace }
        if let span = event.spanID { object["span_id"] = span }
        if let request = event.requestID { object["request_id"] = request }
        if let stored = event.templateID {
            let id = templates.canonicalID(of: stored)
            object["template_id"] = id
            if let template = templates[id] { object["template"] = template.text }
        }
        if let data = event.attributesJSON.data(using: .utf8),
           let attributes = try? JSONSerialization.jsonObject(with: data),
           let dictionary = attributes as? [String: Any], !dictionary.isEmpty {
            object["attributes"] = dictionary
        }
        return object
    }

    static func line(for event: Event, templates: [Int64: LogTemplate] = [:]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object(for: event, templates: templates), options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }
}
