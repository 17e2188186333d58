import Synchronization

/// A flag a running ingest checks before each batch it stores: set it (from any thread) and
/// the ingest ends with ``IngestError/cancelled`` after the transaction in progress, so what is
/// committed, checkpoints included, stays consistent.
public final class IngestCancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    /// Asks the ingest to stop.
    public func cancel() {
        flag.store(true, ordering: .releasing)
    }

    /// Whether ``cancel()`` was called.
    public var isCancelled: Bool {
        flag.load(ordering: .acquiring)
    }
}
