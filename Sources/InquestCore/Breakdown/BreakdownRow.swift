/// One group of a breakdown: its key, its events and their share of the total.
public struct BreakdownRow: Sendable, Hashable {
    public var key: BreakdownKey
    public var count: BreakdownCount
    /// ``count`` as a fraction of the breakdown's total (0 when the total is 0).
    public var share: Double

    public init(key: BreakdownKey, count: BreakdownCount, share: Double) {
        self.key = key
        self.count = count
        self.share = share
    }
}
