import Foundation
import InquestCore
import InquestStore
import Logging
import Synchronization

/// Drains the store's notification queue: claims due messages under a lease, delivers each
/// through its channel, then marks it sent, queues it again after a jittered backoff, or makes it
/// a dead letter (a permanent failure, or the last allowed attempt).
///
/// Delivery is at least once: a sender that dies between sending and recording leaves the
/// message `sending`; when the lease passes, a sender (this one restarted, or another) claims it
/// again and resends it with the same idempotency key, which a receiver uses to keep one copy.
public final class NotificationSender: Sendable {
    private let store: InquestStore
    private let channels: any NotificationChannelSender
    private let policy: NotifierPolicy
    private let holder: String
    private let logger: Logger
    private let clock: @Sendable () -> Timestamp
    private let random: Mutex<SeededRandom>

    /// What one pass did.
    public struct PassResult: Sendable, Hashable {
        public var delivered = 0
        public var retried = 0
        public var dead = 0
        public var claimed: Int { delivered + retried + dead }
    }

    public init(
        store: InquestStore, channels: any NotificationChannelSender = ChannelSenders(), policy: NotifierPolicy = NotifierPolicy(),
        holder: String = "\(ProcessInfo.processInfo.hostName):\(getpid())", logger: Logger = InquestStore.silentLogger,
        clock: @escaping @Sendable () -> Timestamp = { .now() }, random: SeededRandom = SeededRandom()
    ) {
        self.store = store
        self.channels = channels
        self.policy = policy
        self.holder = holder
        self.logger = logger
        self.clock = clock
        self.random = Mutex(random)
    }

    /// Claims what is due now and delivers it, one batch after another, until nothing is due.
    @discardableResult
    public func drain() async throws -> PassResult {
        var total = PassResult()
        while !Task.isCancelled {
            let pass = try await passOnce()
            total.delivered += pass.delivered
            total.retried += pass.retried
            total.dead += pass.dead
            if pass.claimed < policy.batchSize { break }
        }
        return total
    }

    /// Claims one batch of due messages and delivers them one by one.
    public func passOnce() async throws -> PassResult {
        let now = clock()
        let claimed = try store.claimDueNotifications(
            now: now, leaseUntil: now.advanced(saturating: policy.lease.nanoseconds), holder: holder,
            limit: policy.batchSize, maxAttempts: policy.maxAttempts)
        var result = PassResult()
        for delivery in claimed {
            let outcome = await channels.deliver(delivery, timeout: policy.sendTimeout)
            try record(outcome, of: delivery, into: &result)
        }
        return result
    }

    /// Runs until the task is cancelled: drains, prunes old sent messages, sleeps `pollInterval`.
    public func run() async {
        var lastPrune = Timestamp.earliest
        while !Task.isCancelled {
            do {
                try await drain()
                let now = clock()
                if Timestamp.span(from: lastPrune, to: now) > 3_600_000_000_000 {
                    try store.pruneSentNotifications(finishedBefore: now.advanced(saturating: -policy.keepSent.nanoseconds))
                    lastPrune = now
                }
            } catch {
                logger.error("notification pass failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: policy.pollInterval)
        }
    }

    private func record(_ outcome: DeliveryOutcome, of delivery: NotificationDelivery, into result: inout PassResult) throws {
        let now = clock()
        let target = delivery.subscription.channel.displayTarget
        switch outcome {
        case .delivered:
            try store.markNotificationSent(id: delivery.id, at: now)
            result.delivered += 1
            logger.info("notification sent", metadata: ["id": "\(delivery.id)", "to": "\(target)", "attempt": "\(delivery.attempts)"])
        case .retry(let reason) where delivery.attempts < policy.maxAttempts:
            let wait = random.withLock { policy.backoff.delay(attempt: delivery.attempts - 1, using: &$0) }
            try store.rescheduleNotification(id: delivery.id, nextAttemptAt: now.advanced(saturating: wait.nanoseconds), error: reason)
            result.retried += 1
            logger.warning("notification failed; retrying", metadata: ["id": "\(delivery.id)", "to": "\(target)", "error": "\(reason)"])
        case .retry(let reason):
            try store.deadLetterNotification(id: delivery.id, at: now, reason: "gave up after \(delivery.attempts) attempts: \(reason)")
            result.dead += 1
            logger.error("notification dead-lettered", metadata: ["id": "\(delivery.id)", "to": "\(target)", "error": "\(reason)"])
        case .permanent(let reason):
            try store.deadLetterNotification(id: delivery.id, at: now, reason: reason)
            result.dead += 1
            logger.error("notification dead-lettered", metadata: ["id": "\(delivery.id)", "to": "\(target)", "error": "\(reason)"])
        }
    }
}
