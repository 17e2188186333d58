import InquestCore

/// What the timeline shows: a filter (in the filter language) within a scope.
public struct TimelineQuery: Sendable, Hashable {
    /// The filter text as typed; empty matches everything.
    public var filter: String
    /// Only events linked to this investigation; nil = all events.
    public var investigationID: Int64?

    public init(filter: String = "", investigationID: Int64? = nil) {
        self.filter = filter
        self.investigationID = investigationID
    }

    /// The same query further restricted by one more filter term, e.g. `severity>=error`.
    /// The user's filter is parenthesised so its `OR`s cannot swallow the added term.
    public func narrowed(by term: String) -> TimelineQuery {
        let trimmed = filter.trimmingWhitespace
        let combined = trimmed.isEmpty ? term : "(\(trimmed)) \(term)"
        return TimelineQuery(filter: combined, investigationID: investigationID)
    }
}
