/// What a view of events shows: the filter the user typed, parsed once where it was typed,
/// within a scope. The scope is made of filter-language nodes (``FilterTerm/investigation(_:)``
/// for the linked-only view, `severity>=error` for the next-error search, ...), so the whole
/// query is one expression that the store's filter compiler turns into SQL; no filter text is
/// put together to carry it.
public struct TimelineQuery: Sendable, Hashable {
    /// The filter as typed and parsed.
    public var filter: Filter
    /// Conditions every result must also satisfy, ANDed with ``filter`` in this order.
    public var scope: [FilterExpression]

    public init(filter: Filter = .everything, scope: [FilterExpression] = []) {
        self.filter = filter
        self.scope = scope
    }

    /// The same query further restricted by one more condition, e.g. `severity>=error`.
    /// The condition is ANDed with the whole filter, so the filter's `OR`s cannot swallow it.
    public func narrowed(by condition: FilterExpression) -> TimelineQuery {
        TimelineQuery(filter: filter, scope: scope + [condition])
    }

    /// The query limited to the events linked to an investigation; unchanged for nil.
    public func linked(to investigationID: Int64?) -> TimelineQuery {
        guard let investigationID else { return self }
        return narrowed(by: .term(.investigation(investigationID)))
    }

    /// The whole query as one expression; nil matches every event.
    public var expression: FilterExpression? {
        let parts = (filter.expression.map { [$0] } ?? []) + scope
        return parts.isEmpty ? nil : .all(parts)
    }
}
