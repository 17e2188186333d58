/// One message of the notification queue: a notification for one subscription, with its
/// delivery state. The sender claims it (`sending`, under a lease), then marks it `sent`,
/// queues it again with a later `nextAttemptAt`, or makes it a dead letter.
public struct NotificationDelivery: Sendable, Hashable {
    /// Where a message is in its life.
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        /// Waiting for `nextAttemptAt`.
        case queued
        /// Claimed by a sender until `leaseUntil`; resent (same key) if that passes without an answer.
        case sending
        /// Accepted by the receiver.
        case sent
        /// Given up: `lastError` says why.
        case dead
    }

    public var id: Int64
    /// Stable per (notification, channel target): every attempt, by any sender, carries it.
    public var idempotencyKey: String
    public var state: State
    /// Attempts started so far, this one included once claimed.
    public var attempts: Int
    public var nextAttemptAt: Timestamp
    public var leaseUntil: Timestamp?
    public var lastError: String?
    public var notification: InvestigationNotification
    public var subscription: NotificationSubscription

    public init(
        id: Int64, idempotencyKey: String, state: State, attempts: Int, nextAttemptAt: Timestamp, leaseUntil: Timestamp? = nil,
        lastError: String? = nil, notification: InvestigationNotification, subscription: NotificationSubscription
    ) {
        self.id = id
        self.idempotencyKey = idempotencyKey
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.leaseUntil = leaseUntil
        self.lastError = lastError
        self.notification = notification
        self.subscription = subscription
    }
}

/// The queue at a glance, for `inquest status`.
public struct NotificationQueueSummary: Sendable, Hashable {
    public var queued: Int
    public var sending: Int
    public var sent: Int
    public var dead: Int
    /// The earliest `nextAttemptAt` of the queued messages.
    public var nextAttemptAt: Timestamp?
    /// The last dead letter's reason.
    public var lastDeadReason: String?

    public init(queued: Int = 0, sending: Int = 0, sent: Int = 0, dead: Int = 0, nextAttemptAt: Timestamp? = nil, lastDeadReason: String? = nil) {
        self.queued = queued
        self.sending = sending
        self.sent = sent
        self.dead = dead
        self.nextAttemptAt = nextAttemptAt
        self.lastDeadReason = lastDeadReason
    }
}
