import InquestCore

/// What a running feed has done, as counted by its ``FeedContext``. The supervisor turns it
/// into ``FeedHealth`` rows and metrics.
public struct FeedProgress: Sendable, Hashable {
    /// Events stored (new ones; dedupe-key duplicates are not counted).
    public var events: Int64 = 0
    /// Records that went to the dead-letter table.
    public var deadLetters: Int64 = 0
    /// Batches committed.
    public var batches: Int64 = 0
    /// Successful steps (a commit, or a poll that found the source fine): the breaker's evidence of health.
    public var successes: Int64 = 0
    /// When the feed last succeeded, wall-clock.
    public var lastSuccess: Timestamp?
    /// The lag it last reported.
    public var lag: FeedLag?

    public init() {}
}
