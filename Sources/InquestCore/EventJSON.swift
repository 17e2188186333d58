import Foundation

/// The `--format jsonl` object of one event (`inquest query`, and the canvas's `:yank json`).
/// Keys are stable; absent values are omitted.
public enum EventJSON {
    /// `templates` resolves the event's stored template id to the template it reads as now.
    public static func object(for event: Event, templates: [Int64: LogTemplate] = [:]) -> [String: Any] {
        let template = event.templateID.flatMap { templates[templates.canonicalID(of: $0)] }
        return object(for: event, template: template, templateID: event.templateID.map { templates.canonicalID(of: $0) })
    }

    /// The object with the template the event's stored template id reads as now (its id is
    /// `template.id`; without one, the stored id is written alone).
    public static func object(for event: Event, template: LogTemplate?) -> [String: Any] {
        object(for: event, template: template, templateID: template?.id ?? event.templateID)
    }

    private static func object(for event: Event, template: LogTemplate?, templateID: Int64?) -> [String: Any] {
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
        if let templateID {
            object["template_id"] = templateID
            if let template { object["template"] = template.text }
        }
        if let data = event.attributesJSON.data(using: .utf8),
           let attributes = try? JSONSerialization.jsonObject(with: data),
           let dictionary = attributes as? [String: Any], !dictionary.isEmpty {
            object["attributes"] = dictionary
        }
        return object
    }

    /// One line of `query --format jsonl`: the object with sorted keys.
    public static func line(for event: Event, templates: [Int64: LogTemplate] = [:]) -> String {
        line(object(for: event, templates: templates))
    }

    /// The line of an event whose template was already resolved (see ``object(for:template:)``).
    public static func line(for event: Event, template: LogTemplate?) -> String {
        line(object(for: event, template: template))
    }

    private static func line(_ object: [String: Any]) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return "{}"
        }
        return String(decoding: data, as: UTF8.self)
    }
}
