/// One group counted in the window and in the baseline.
public struct BreakdownComparisonRow: Sendable, Hashable {
    public var key: BreakdownKey
    /// Events of the group in the window.
    public var window: BreakdownCount
    /// Events of the group in the baseline.
    public var baseline: BreakdownCount
    /// The group's rate in the window over its rate in the baseline (events per nanosecond of
    /// each window's length); nil when the baseline has none (``isNew``).
    public var rateRatio: Double?

    public init(key: BreakdownKey, window: BreakdownCount, baseline: BreakdownCount, rateRatio: Double?) {
        self.key = key
        self.window = window
        self.baseline = baseline
        self.rateRatio = rateRatio
    }

    /// Seen in the window and never in the baseline: a new template, a service that just started talking.
    public var isNew: Bool { baseline.events == 0 && window.events > 0 }

    /// Seen in the baseline and never in the window.
    public var isGone: Bool { window.events == 0 && baseline.events > 0 }
}
