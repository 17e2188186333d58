import InquestCore

/// What a breakdown load returns: the counts, the compare, or the trace breakdown.
public enum BreakdownResult: Sendable, Hashable {
    case counts(Breakdown)
    case compare(BreakdownComparison)
    case traces(TraceBreakdown)

    /// The number of rows.
    public var rowCount: Int {
        switch self {
        case .counts(let breakdown): breakdown.rows.count
        case .compare(let comparison): comparison.rows.count
        case .traces(let traces): traces.rows.count
        }
    }

    /// `filter` narrowed to row `index`, or nil when the row cannot be named in the filter
    /// language (events without a template) or does not exist.
    public func narrowing(_ filter: Filter, row index: Int) -> Filter? {
        switch self {
        case .counts(let breakdown):
            guard breakdown.rows.indices.contains(index) else { return nil }
            return breakdown.rows[index].key.narrowing(filter)
        case .compare(let comparison):
            guard comparison.rows.indices.contains(index) else { return nil }
            return comparison.rows[index].key.narrowing(filter)
        case .traces(let traces):
            guard traces.rows.indices.contains(index) else { return nil }
            return traces.rows[index].narrowing(filter)
        }
    }
}
