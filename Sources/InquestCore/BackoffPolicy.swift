/// Exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff And
/// Jitter"): the n-th consecutive retry waits a uniformly random time in
/// `[0, min(cap, base · 2ⁿ)]`, so many restarting feeds do not retry in lock-step.
public struct BackoffPolicy: Sendable, Hashable {
    /// The ceiling of the first retry's wait.
    public var base: Duration
    /// No wait is longer than this.
    public var cap: Duration

    public init(base: Duration = .milliseconds(200), cap: Duration = .seconds(30)) {
        self.base = base
        self.cap = cap
    }

    /// The ceiling for retry number `attempt` (0 for the first retry): `min(cap, base · 2^attempt)`.
    public func ceiling(attempt: Int) -> Duration {
        let baseNanos = max(0, base.nanoseconds)
        let capNanos = max(0, cap.nanoseconds)
        let shift = min(max(0, attempt), 62)
        let (scaled, overflow) = baseNanos.multipliedReportingOverflow(by: Int64(1) << shift)
        return .nanoseconds(overflow ? capNanos : min(capNanos, scaled))
    }

    /// The wait before retry number `attempt`, drawn from `random` in `[0, ceiling(attempt)]`.
    public func delay(attempt: Int, using random: inout some RandomNumberGenerator) -> Duration {
        let ceiling = ceiling(attempt: attempt).nanoseconds
        guard ceiling > 0 else { return .zero }
        return .nanoseconds(Int64.random(in: 0...ceiling, using: &random))
    }
}
