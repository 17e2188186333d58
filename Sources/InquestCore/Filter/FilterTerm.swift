/// One condition of a filter, as written by a `field:value` or a free-text word.
public enum FilterTerm: Sendable, Hashable {
    /// Free text searched in the message and attributes (full-text index).
    case text(FilterText)
    /// `*text*` (a leading `*`): the message contains the text anywhere, inside words too
    /// (ASCII case-insensitive); read along the time index, not the full-text index.
    case substring(String)
    /// `/pattern/` or `re:pattern`: the message matches the regular expression.
    case regex(FilterRegex)
    /// `source:KIND` where KIND is a ``SourceKind`` name.
    case sourceKind(SourceKind)
    /// `source:NAME` for anything that is not a source kind: the source name
    /// (case-insensitive); a glob also matches the kind name.
    case sourceName(FilterPattern)
    /// `severity:`, `sev:`, `level:` and their comparisons, on the severity order.
    case severity(FilterComparison, Severity)
    /// `service:NAME`, case-insensitive.
    case service(FilterPattern)
    /// `host:NAME`, case-insensitive.
    case host(FilterPattern)
    /// `trace:ID` / `trace_id:ID`.
    case traceID(FilterPattern)
    /// `span:ID` / `span_id:ID`.
    case spanID(FilterPattern)
    /// `request:ID` / `request_id:ID` / `req:ID`.
    case requestID(FilterPattern)
    /// `tag:NAME`: the event carries that tag (case-insensitive).
    case tag(FilterPattern)
    /// `is:starred`: someone starred the event.
    case starred
    /// `is:linked`: the event is linked to at least one investigation.
    case linked
    /// `investigation:ID`: the event is linked to that investigation.
    case investigation(Int64)
    /// `template:ID`: the event's log template is that one, or one absorbed into it.
    case templateID(Int64)
    /// `template:"text with <*>"`: the event's log template has exactly that text (see ``LogTemplate``).
    case templateText(String)
    /// `after:`/`since:`: at or after the time (inclusive).
    case after(FilterTimePoint)
    /// `before:`/`until:`: strictly before the time (exclusive).
    case before(FilterTimePoint)
    /// Any other field: a key of the event's JSON attributes compared with a value.
    case attribute(key: String, FilterComparison, FilterValue)
}
