/// One dimension's value in a breakdown row: what the events of the row share.
public enum BreakdownValue: Sendable, Hashable {
    /// The events have no value there (no service, no template, no such attribute).
    case missing
    /// A name: service, host, source name, or an attribute's text.
    case text(String)
    /// An attribute's number, with the text it is written as.
    case number(Double, text: String)
    /// A severity.
    case severity(Severity)
    /// A source kind.
    case sourceKind(SourceKind)
    /// A log template (as it reads now, after merges).
    case template(id: Int64, text: String)

    /// The value as shown in a table (untrusted: sanitise before drawing); `—` when missing.
    public var label: String {
        switch self {
        case .missing: "—"
        case .text(let text): text
        case .number(_, let text): text
        case .severity(let severity): severity.name
        case .sourceKind(let kind): kind.rawValue
        case .template(_, let text): text
        }
    }

    /// The filter condition selecting the events with this value of `dimension`, or nil when
    /// the filter language cannot say it (events without a template).
    public func condition(for dimension: BreakdownDimension) -> FilterExpression? {
        switch (dimension, self) {
        case (.service, .text(let name)): .term(.service(.exact(name)))
        case (.service, .missing): .not(.term(.service(.glob("*"))))
        case (.host, .text(let name)): .term(.host(.exact(name)))
        case (.host, .missing): .not(.term(.host(.glob("*"))))
        case (.severity, .severity(let severity)): .term(.severity(.equal, severity))
        case (.source, .sourceKind(let kind)): .term(.sourceKind(kind))
        case (.sourceName, .text(let name)): .term(.sourceName(.exact(name)))
        case (.template, .template(let id, _)): .term(.templateID(id))
        case (.attribute(let key), .text(let text)): .term(.attribute(key: key, .equal, .text(.exact(text))))
        case (.attribute(let key), .number(let number, let text)): .term(.attribute(key: key, .equal, .number(number, text: text)))
        case (.attribute(let key), .missing): .not(.term(.attribute(key: key, .equal, .text(.glob("*")))))
        default: nil
        }
    }
}
