import InquestCore
import InquestStore
import Logging
import Synchronization

/// What a running ``Feed`` gets from the watcher: the one way to write (``commit(_:)``), its
/// checkpoints, a logger, an injectable clock, and the place to report progress and lag.
///
/// A context belongs to one feed; the supervisor creates it and reads ``progress`` for health.
/// Commits are guarded by the feed's lease when the watcher uses leases: a batch is only stored
/// while this watcher still holds the lease, checked inside the batch's transaction.
public final class FeedContext: Sendable {
    /// Stores one batch (events + dead letters + checkpoint) in one transaction; throws when it cannot.
    public typealias Committer = @Sendable (EventBatch) throws -> AppendResult

    /// The feed's name (as in the config).
    public let feedName: String
    /// The store the feed writes to (reads are free; writes go through ``commit(_:)``).
    public let store: InquestStore
    /// Where the feed logs (a file, for `inquest watch`).
    public let logger: Logger
    /// The watcher's clock; sleep through it so tests can run without waiting.
    public let clock: any WatchClock
    private let committer: Committer
    private let state = Mutex(FeedProgress())

    /// A context whose commits go through `committer` (the supervisor's lease-checked append).
    public init(feedName: String, store: InquestStore, logger: Logger, clock: any WatchClock, committer: @escaping Committer) {
        self.feedName = feedName
        self.store = store
        self.logger = logger
        self.clock = clock
        self.committer = committer
    }

    /// A context that appends straight to `store` (no lease): for tests and one-off runs.
    public convenience init(feedName: String, store: InquestStore, logger: Logger = InquestStore.silentLogger, clock: any WatchClock = SystemWatchClock()) {
        self.init(feedName: feedName, store: store, logger: logger, clock: clock, committer: { try store.append($0) })
    }

    /// Stores `batch` (its events, dead letters and checkpoint) atomically, counts it and marks
    /// the feed healthy. Throws when the store fails or the lease was lost; nothing of the batch
    /// is stored then, and the feed should stop (the supervisor restarts it from its checkpoint).
    @discardableResult
    public func commit(_ batch: EventBatch) throws -> AppendResult {
        let result = try committer(batch)
        let now = clock.now()
        state.withLock { progress in
            progress.events += Int64(result.inserted)
            progress.deadLetters += Int64(result.deadLetters)
            progress.batches += 1
            progress.successes += 1
            progress.lastSuccess = now
        }
        return result
    }

    /// The stored resume position for `key`, or nil when the input was never read.
    public func checkpoint(key: String) throws -> Checkpoint? {
        try store.checkpoint(key: key)
    }

    /// Records that a step succeeded without storing anything (a poll that found nothing new).
    /// This is what closes a half-open circuit breaker for a quiet source.
    public func markHealthy() {
        let now = clock.now()
        state.withLock { progress in
            progress.successes += 1
            progress.lastSuccess = now
        }
    }

    /// Records how far behind its source the feed is.
    public func reportLag(_ lag: FeedLag) {
        state.withLock { $0.lag = lag }
    }

    /// Sleeps on the watcher's clock (cancellable).
    public func sleep(for duration: Duration) async throws {
        try await clock.sleep(for: duration)
    }

    /// A snapshot of what the feed has done so far.
    public var progress: FeedProgress {
        state.withLock { $0 }
    }
}
