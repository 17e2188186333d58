/// How one watcher feed is doing, as the watcher stores it in `feed_health` and
/// `inquest status` and the canvas's health overlay show it.
public struct FeedHealth: Sendable, Hashable {
    /// What a feed is doing now.
    public enum State: String, Sendable, Hashable, CaseIterable {
        /// Running and storing what arrives.
        case running
        /// Failed; waiting (with jitter) before it is restarted.
        case backingOff = "backing-off"
        /// Failed too often in a row; not retried until the breaker's cool-down has passed.
        case circuitOpen = "circuit-open"
        /// Gave up (a config or permanent error); needs a fix and a restart.
        case failed
        /// Another watcher holds this feed's lease; this one waits to take over.
        case waitingForLease = "waiting-for-lease"
        /// The watcher stopped (cleanly).
        case stopped
    }

    /// The feed's name in the config.
    public var feed: String
    /// Its kind (`file`, `git`, `prometheus-scrape`...).
    public var kind: String
    public var state: State
    /// The watcher that wrote this row (`host:pid:random`).
    public var owner: String
    /// When it last stored something or polled its source successfully.
    public var lastSuccess: Timestamp?
    /// How far behind the source it is: a number in ``lagUnit`` (`bytes` or `seconds`).
    public var lag: Double?
    public var lagUnit: String?
    /// Events stored per second over the last interval.
    public var eventsPerSecond: Double
    /// Events stored since the watcher started.
    public var eventsTotal: Int64
    /// Failed runs since the watcher started.
    public var errorCount: Int64
    /// Records sent to the dead-letter table since the watcher started.
    public var deadLetterCount: Int64
    /// The last failure's message (untrusted text: sanitise before display).
    public var lastError: String?
    /// The circuit breaker: `closed`, `half-open` or `open`.
    public var circuit: String
    /// When this row was written.
    public var updatedAt: Timestamp

    public init(
        feed: String, kind: String, state: State, owner: String, lastSuccess: Timestamp? = nil,
        lag: Double? = nil, lagUnit: String? = nil, eventsPerSecond: Double = 0, eventsTotal: Int64 = 0,
        errorCount: Int64 = 0, deadLetterCount: Int64 = 0, lastError: String? = nil, circuit: String = "closed",
        updatedAt: Timestamp
    ) {
        self.feed = feed
        self.kind = kind
        self.state = state
        self.owner = owner
        self.lastSuccess = lastSuccess
        self.lag = lag
        self.lagUnit = lagUnit
        self.eventsPerSecond = eventsPerSecond
        self.eventsTotal = eventsTotal
        self.errorCount = errorCount
        self.deadLetterCount = deadLetterCount
        self.lastError = lastError
        self.circuit = circuit
        self.updatedAt = updatedAt
    }
}
