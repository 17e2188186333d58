/// Events matched by a query within a time window, counted per group of one or more
/// dimensions: the biggest groups first.
public struct Breakdown: Sendable, Hashable {
    public var dimensions: [BreakdownDimension]
    /// The window counted, start inclusive, end exclusive.
    public var window: Range<Timestamp>
    /// The groups, most events first (ties by label); at most the limit asked for.
    public var rows: [BreakdownRow]
    /// Every matched event in the window, including those of groups past the limit.
    public var total: BreakdownCount
    /// How many groups there were in all (``rows`` may hold fewer).
    public var groupCount: Int

    public init(dimensions: [BreakdownDimension], window: Range<Timestamp>, rows: [BreakdownRow], total: BreakdownCount, groupCount: Int) {
        self.dimensions = dimensions
        self.window = window
        self.rows = rows
        self.total = total
        self.groupCount = groupCount
    }

    /// Groups counted into rows, largest first, with shares of the total, cut to `limit`.
    public init(dimensions: [BreakdownDimension], window: Range<Timestamp>, counts: [BreakdownKey: BreakdownCount], limit: Int) {
        let total = counts.values.reduce(BreakdownCount(), +)
        let sorted = counts.sorted { lhs, rhs in
            lhs.value.events != rhs.value.events ? lhs.value.events > rhs.value.events : lhs.key.labels.lexicographicallyPrecedes(rhs.key.labels)
        }
        let rows = sorted.prefix(max(0, limit)).map { key, count in
            BreakdownRow(key: key, count: count, share: total.events == 0 ? 0 : Double(count.events) / Double(total.events))
        }
        self.init(dimensions: dimensions, window: window, rows: Array(rows), total: total, groupCount: counts.count)
    }
}
