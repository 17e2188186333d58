/// What the events of one breakdown row share: a value per dimension, in the breakdown's order.
public struct BreakdownKey: Sendable, Hashable {
    /// Values in the order of ``dimensions``.
    public var values: [BreakdownValue]
    /// The dimensions grouped by.
    public var dimensions: [BreakdownDimension]

    public init(dimensions: [BreakdownDimension], values: [BreakdownValue]) {
        self.dimensions = dimensions
        self.values = values
    }

    /// The values as shown, one per dimension (untrusted text: sanitise before drawing).
    public var labels: [String] { values.map(\.label) }

    /// The condition selecting exactly this row's events (Enter in the canvas narrows the
    /// filter with it); nil when a value cannot be written in the filter language.
    public var condition: FilterExpression? {
        var parts: [FilterExpression] = []
        for (dimension, value) in zip(dimensions, values) {
            guard let condition = value.condition(for: dimension) else { return nil }
            parts.append(condition)
        }
        return parts.isEmpty ? nil : .all(parts)
    }

    /// `filter` narrowed to this row: the row's condition ANDed with it, spelled
    /// as filter text so the filter bar shows it. Nil when ``condition`` is nil.
    public func narrowing(_ filter: Filter) -> Filter? {
        guard let condition else { return nil }
        return Filter(expression: .all((filter.expression.map { [$0] } ?? []) + [condition]))
    }
}
