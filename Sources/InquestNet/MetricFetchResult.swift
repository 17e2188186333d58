import InquestCore
import InquestStore

/// What one scrape or one query_range fetch read and stored.
public struct MetricFetchResult: Sendable, Hashable {
    /// Samples read from the answer(s).
    public var samplesRead: Int = 0
    /// Samples newly stored (already stored ones are skipped).
    public var samplesStored: Int = 0
    /// Anomaly (`metric`) events newly stored.
    public var eventsStored: Int = 0
    /// Lines or records kept as dead letters.
    public var deadLetters: Int = 0
    /// Requests sent.
    public var requests: Int = 0
    /// The time covered up to (the checkpoint written), if anything was fetched.
    public var through: Timestamp?

    /// An empty result.
    public init() {}

    mutating func add(_ appended: AppendResult) {
        samplesStored += appended.samplesInserted
        eventsStored += appended.inserted
        deadLetters += appended.deadLetters
    }
}

/// Stores one batch, atomically: `InquestStore.append` for one-off runs, the watcher's
/// lease-checked commit for feeds.
public typealias BatchCommitter = @Sendable (_ batch: EventBatch) throws -> AppendResult
