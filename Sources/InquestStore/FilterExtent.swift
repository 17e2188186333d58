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
}
