import InquestCore

/// Time as the watcher sees it: injected so that backoff, circuit breakers and leases are tested
/// without sleeping.
public protocol WatchClock: Sendable {
    /// Monotonic nanoseconds since an arbitrary origin (for intervals and deadlines).
    func monotonicNanoseconds() -> Int64
    /// The wall-clock time (for stored times such as lease expiry and last success).
    func now() -> Timestamp
    /// Suspends for `duration`; throws `CancellationError` when the task is cancelled.
    func sleep(for duration: Duration) async throws
}

/// The real clock: `ContinuousClock` for intervals and sleeping, the system time for timestamps.
public struct SystemWatchClock: WatchClock {
    private let origin = ContinuousClock.now

    public init() {}

    public func monotonicNanoseconds() -> Int64 {
        let elapsed = ContinuousClock.now - origin
        return elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
    }

    public func now() -> Timestamp { .now() }

    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}
