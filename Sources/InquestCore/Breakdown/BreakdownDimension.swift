import Foundation

/// What a breakdown groups events by: one column of the event, its log template, or one
/// attribute key. Several dimensions group by the tuple of their values.
public enum BreakdownDimension: Sendable, Hashable {
    /// The event's service.
    case service
    /// The event's severity.
    case severity
    /// The event's host.
    case host
    /// The event's source kind (`log`, `metric`, `trace`, ...).
    case source
    /// The event's source name (the file or feed it came from).
    case sourceName
    /// The event's log template, following merges (an absorbed template counts as the one it joined).
    case template
    /// A key of the event's attributes, looked up as the filter language does (`status`, `http.method`).
    case attribute(String)

    /// The dimensions the canvas cycles through, in order.
    public static let standard: [BreakdownDimension] = [.service, .template, .severity, .host, .source, .sourceName]

    /// Reads one dimension as written after `--by` or at the canvas prompt: `service`,
    /// `severity` (`sev`, `level`), `host`, `source`, `source-name` (`file`), `template`, and
    /// `attr:KEY`; any other word is an attribute key, as in the filter language. Nil for empty text.
    public init?(parsing text: String) {
        let word = text.trimmingCharacters(in: .whitespaces)
        guard !word.isEmpty else { return nil }
        switch word.lowercased() {
        case "service", "svc": self = .service
        case "severity", "sev", "level": self = .severity
        case "host": self = .host
        case "source", "source-kind", "kind": self = .source
        case "source-name", "source_name", "file": self = .sourceName
        case "template", "tpl": self = .template
        default:
            let key = word.hasPrefix("attr:") || word.hasPrefix("attr.") ? String(word.dropFirst(5)) : word
            guard !key.isEmpty else { return nil }
            self = .attribute(key)
        }
    }

    /// A comma-separated list (`service,template`); nil when any part is empty or unreadable.
    public static func list(parsing text: String) -> [BreakdownDimension]? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        var dimensions: [BreakdownDimension] = []
        for part in parts {
            guard let dimension = BreakdownDimension(parsing: String(part)) else { return nil }
            if !dimensions.contains(dimension) { dimensions.append(dimension) }
        }
        return dimensions.isEmpty ? nil : dimensions
    }

    /// The name as ``init(parsing:)`` reads it back (and as column headers show it).
    public var name: String {
        switch self {
        case .service: "service"
        case .severity: "severity"
        case .host: "host"
        case .source: "source"
        case .sourceName: "source-name"
        case .template: "template"
        case .attribute(let key): "attr:" + key
        }
    }
}
