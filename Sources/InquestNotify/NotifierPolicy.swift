import InquestCore

/// The sender's timings and limits, as one value (tests shrink them; the defaults suit production).
public struct NotifierPolicy: Sendable, Hashable {
    /// How long a claimed message stays ours; a sender that dies mid-send leaves it to be resent
    /// (with the same idempotency key) once this passes. Longer than ``sendTimeout``.
    public var lease: Duration
    /// The limit of one attempt (connect, send, answer).
    public var sendTimeout: Duration
    /// Attempts before a message becomes a dead letter.
    public var maxAttempts: Int
    /// Waits between attempts: full jitter under `min(cap, base · 2ⁿ)`.
    public var backoff: BackoffPolicy
    /// Messages claimed at once. One by default: messages of a batch are sent one after another,
    /// and a message waiting behind others' timeouts could outlive its lease and be sent twice.
    public var batchSize: Int
    /// How often an idle sender looks for due messages.
    public var pollInterval: Duration
    /// Sent messages are kept this long (`inquest status` counts them), then pruned.
    public var keepSent: Duration

    public init(
        lease: Duration = .seconds(60), sendTimeout: Duration = .seconds(30), maxAttempts: Int = 8,
        backoff: BackoffPolicy = BackoffPolicy(base: .seconds(5), cap: .seconds(3600)), batchSize: Int = 1,
        pollInterval: Duration = .seconds(1), keepSent: Duration = .seconds(7 * 86_400)
    ) {
        self.lease = lease
        self.sendTimeout = sendTimeout
        self.maxAttempts = maxAttempts
        self.backoff = backoff
        self.batchSize = batchSize
        self.pollInterval = pollInterval
        self.keepSent = keepSent
    }
}
