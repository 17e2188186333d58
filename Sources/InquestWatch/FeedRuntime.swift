import InquestCore
import Synchronization

/// The supervisor's bookkeeping for one feed: its context (which counts progress across
/// restarts), breaker, state and errors. Shared by the feed's task, the lease task and the
/// health writer, behind a mutex.
final class FeedRuntime: Sendable {
    struct Status: Sendable {
        var state: FeedHealth.State = .waitingForLease
        var breaker: CircuitBreaker
        var restartAttempt = 0
        var errorCount: Int64 = 0
        var lastError: String?
        /// `progress.successes` when the breaker last saw it (progress since closes a half-open breaker).
        var successesSeen: Int64 = 0
    }

    let feed: any Feed
    let context: FeedContext
    private let status: Mutex<Status>

    init(feed: any Feed, context: FeedContext, breaker: CircuitBreaker) {
        self.feed = feed
        self.context = context
        status = Mutex(Status(breaker: breaker))
    }

    func withStatus<T>(_ body: (inout Status) -> T) -> T {
        status.withLock { body(&$0) }
    }

    /// Closes the breaker (and resets the backoff) when the feed made progress since last looked.
    func noteProgress() {
        let successes = context.progress.successes
        status.withLock { status in
            if successes > status.successesSeen {
                status.successesSeen = successes
                status.breaker.recordSuccess()
                status.restartAttempt = 0
            }
        }
    }
}
