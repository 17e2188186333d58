import InquestCore

/// The supervisor's timings and thresholds, as one value (tests shrink them; the defaults suit production).
public struct SupervisorPolicy: Sendable, Hashable {
    /// Waits between restarts of a failed feed.
    public var backoff: BackoffPolicy
    /// Consecutive failures that open a feed's circuit breaker.
    public var failureThreshold: Int
    /// How long an open breaker waits before its half-open probe.
    public var coolDown: Duration
    /// Whether feeds run only under a lease in the store (off for one-watcher tests).
    public var usesLeases: Bool
    /// How long a granted lease lasts without renewal.
    public var leaseTTL: Duration
    /// How often a held lease is renewed.
    public var leaseRenewal: Duration
    /// How often a waiting watcher asks for a lease held by another.
    public var leaseRetry: Duration
    /// How often health rows are written.
    public var healthInterval: Duration

    public init(
        backoff: BackoffPolicy = BackoffPolicy(), failureThreshold: Int = 5, coolDown: Duration = .seconds(30),
        usesLeases: Bool = true, leaseTTL: Duration = .seconds(10), leaseRenewal: Duration = .seconds(3),
        leaseRetry: Duration = .seconds(1), healthInterval: Duration = .seconds(1)
    ) {
        self.backoff = backoff
        self.failureThreshold = failureThreshold
        self.coolDown = coolDown
        self.usesLeases = usesLeases
        self.leaseTTL = leaseTTL
        self.leaseRenewal = leaseRenewal
        self.leaseRetry = leaseRetry
        self.healthInterval = healthInterval
    }
}
