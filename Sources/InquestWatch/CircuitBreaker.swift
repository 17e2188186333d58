import InquestCore

/// A circuit breaker for one feed, as a value: closed (runs normally) → open after
/// ``failureThreshold`` consecutive failures (no attempts until ``coolDown`` has passed) →
/// half-open (one probe run) → closed again when the probe succeeds, open again when it fails.
///
/// Times are monotonic nanoseconds from a ``WatchClock``, so it is tested without sleeping.
public struct CircuitBreaker: Sendable, Hashable {
    /// The breaker's position.
    public enum State: Sendable, Hashable {
        /// Attempts run; consecutive failures are counted.
        case closed
        /// No attempts until the monotonic time `until` (nanoseconds).
        case open(until: Int64)
        /// One probe attempt is running; its outcome closes or re-opens the breaker.
        case halfOpen

        /// 0 closed, 1 half-open, 2 open (the `inquest_feed_circuit_state` gauge).
        public var gaugeValue: Int {
            switch self {
            case .closed: 0
            case .halfOpen: 1
            case .open: 2
            }
        }

        /// `closed`, `half-open` or `open`.
        public var name: String {
            switch self {
            case .closed: "closed"
            case .halfOpen: "half-open"
            case .open: "open"
            }
        }
    }

    /// What the breaker says about running an attempt now.
    public enum Decision: Sendable, Hashable {
        /// Run it (closed).
        case run
        /// Run it as the half-open probe.
        case probe
        /// Do not run; ask again after this many nanoseconds.
        case wait(nanoseconds: Int64)
    }

    /// Consecutive failures that open the breaker.
    public var failureThreshold: Int
    /// How long it stays open before a probe.
    public var coolDown: Duration
    /// Where it is now.
    public private(set) var state: State = .closed
    /// Failures since the last success.
    public private(set) var consecutiveFailures = 0

    public init(failureThreshold: Int = 5, coolDown: Duration = .seconds(30)) {
        self.failureThreshold = max(1, failureThreshold)
        self.coolDown = coolDown
    }

    /// Whether an attempt may run at monotonic time `now`; an open breaker whose cool-down has
    /// passed turns half-open and lets one probe through.
    public mutating func decide(now: Int64) -> Decision {
        switch state {
        case .closed:
            return .run
        case .halfOpen:
            return .probe
        case .open(let until):
            if now >= until {
                state = .halfOpen
                return .probe
            }
            return .wait(nanoseconds: until - now)
        }
    }

    /// The attempt succeeded (or showed progress): close the breaker and forget failures.
    public mutating func recordSuccess() {
        state = .closed
        consecutiveFailures = 0
    }

    /// The attempt failed at `now`: a failed probe re-opens at once; in the closed state the
    /// breaker opens when the failures reach the threshold.
    public mutating func recordFailure(now: Int64) {
        consecutiveFailures += 1
        switch state {
        case .halfOpen:
            state = .open(until: now &+ coolDown.nanoseconds)
        case .closed:
            if consecutiveFailures >= failureThreshold {
                state = .open(until: now &+ coolDown.nanoseconds)
            }
        case .open:
            break
        }
    }
}
