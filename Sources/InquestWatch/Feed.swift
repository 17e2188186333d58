import InquestStore

/// One live source of events that the watcher keeps running: a followed file, a git
/// repository, a Prometheus endpoint, an OTLP receiver...
///
/// `run` loops until its task is cancelled (then it returns or throws `CancellationError`), and
/// throws on any failure it cannot handle itself; the ``FeedSupervisor`` then restarts it with
/// backoff behind a circuit breaker. A feed keeps no position in memory that matters: every batch
/// it writes goes through ``FeedContext/commit(_:)`` together with its ``Checkpoint``, in one store
/// transaction, and on (re)start it resumes from ``FeedContext/checkpoint(key:)``. Killing the
/// process at any moment therefore loses nothing and duplicates nothing.
///
/// A feed reports how it is doing through the context (``FeedContext/reportLag(_:)``,
/// ``FeedContext/markHealthy()``); counts of events, dead letters and errors are kept for it.
public protocol Feed: Sendable {
    /// Unique within one watcher config; names its lease, health row and checkpoints.
    var name: String { get }
    /// What kind of feed this is (for status output and metrics).
    var kind: FeedKind { get }
    /// Runs until cancelled; throws when it fails (the supervisor restarts it).
    func run(_ context: FeedContext) async throws
}
