import InquestCore

/// How many events a filter matches and the times of the first and last of them: what the
/// canvas's status line and scrollbar show for the current filter.
public struct FilterExtent: Sendable, Hashable {
    public var count: Int
    /// nil when nothing matches.
    public var timeRange: ClosedRange<Timestamp>?

    public init(count: Int, timeRange: ClosedRange<Timestamp>?) {
        self.count = count
        self.timeRange = timeRange
    }

    /// From a count and the first and last matching times in nanoseconds (nil when none match).
    init(count: Int, first: Int64?, last: Int64?) {
        guard count > 0, let first, let last else {
            self.init(count: count, timeRange: nil)
            return
        }
        self.init(count: count, timeRange: Timestamp(nanoseconds: first)...Timestamp(nanoseconds: max(first, last)))
    }
}
