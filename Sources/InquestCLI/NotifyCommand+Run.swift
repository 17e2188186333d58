import ArgumentParser
import Foundation
import InquestCore
import InquestNotify
import InquestStore
import InquestTeam
import InquestText
import Logging

extension NotifyCommand {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send the notification queue until SIGTERM (or, with --once, what is due now).",
            discussion: """
                Several senders may run against one store: each claims messages under a lease. A message \
                whose sender died is resent, with the same idempotency key, when its lease has passed.
                """)
        @OptionGroup var store: StoreOptions
        @Flag(help: "Send what is due now, then exit.") var once = false
        @Option(help: "How long a claimed message is held before another sender may resend it.") var lease = ContextDuration(nanoseconds: 60_000_000_000)
        @Option(help: "Attempts before a message becomes a dead letter.") var maxAttempts = 8
        @Option(help: "The first retry's longest wait (doubling, full jitter, at most 1h).") var backoff = ContextDuration(nanoseconds: 5_000_000_000)

        func validate() throws {
            guard lease.nanoseconds >= 2_000_000_000 else { throw ValidationError("--lease must be at least 2s") }
            guard maxAttempts >= 1 else { throw ValidationError("--max-attempts must be at least 1") }
        }

        func run() throws {
            let database = try store.open()
            let leaseDuration = Duration.nanoseconds(lease.nanoseconds)
            let policy = NotifierPolicy(
                lease: leaseDuration, sendTimeout: leaseDuration / 2, maxAttempts: maxAttempts,
                backoff: BackoffPolicy(base: .nanoseconds(max(1, backoff.nanoseconds)), cap: .seconds(3600)))
            var logger = Logger(label: "inquest.notify")  // stderr, sanitised (see Inquest.main)
            logger.logLevel = .info
            let sender = NotificationSender(store: database, policy: policy, logger: logger)
            if once {
                let result: NotificationSender.PassResult
                do {
                    result = try BlockingAsync.run { try await sender.drain() }
                } catch {
                    throw CLIFailure("\(error)")
                }
                print("sent \(result.delivered), retrying later \(result.retried), dead-lettered \(result.dead)")
                return
            }
            StandardStreams.out("sending notifications from \(TextSanitizer.singleLine(store.resolvedPath)) (Ctrl-C stops)\n")
            let task = Task { await sender.run() }
            SignalWait.untilInterrupted()
            task.cancel()
            print("stopped")
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Send a test notification through one subscription now (not queued) and say how it went.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The subscription's id.") var id: Int64

        func run() throws {
            let database = try store.open()
            guard let subscription = try? database.subscription(id: id) else {
                throw CLIFailure("no subscription with id \(id) (see inquest notify list)")
            }
            let now = Timestamp.now()
            let notification = InvestigationNotification(
                id: 0, source: "test", sourceID: UUID().uuidString, at: now, actor: database.audit.actor, kinds: [],
                investigationID: subscription.investigationID ?? 0, title: "Inquest test notification", status: .open, severity: .sev4,
                owner: database.audit.actor)
            let delivery = NotificationDelivery(
                id: 0, idempotencyKey: "test/\(notification.sourceID)", state: .sending, attempts: 1, nextAttemptAt: now,
                notification: notification, subscription: subscription)
            let outcome = try BlockingAsync.run { await ChannelSenders().deliver(delivery, timeout: .seconds(30)) }
            switch outcome {
            case .delivered:
                print("delivered to \(TextSanitizer.singleLine(subscription.channel.displayTarget))")
            case .retry(let reason), .permanent(let reason):
                throw CLIFailure("not delivered: \(reason)")
            }
        }
    }

    struct Queue: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The queue's messages: id, state, attempts, next attempt, target, what, last error.")
        @OptionGroup var store: StoreOptions
        @Option(help: "Only messages in this state: queued, sending, sent or dead.") var state: NotificationDelivery.State?
        @Option(help: "Show at most this many.") var limit = 100

        func run() throws {
            let deliveries: [NotificationDelivery]
            do {
                deliveries = try store.openForReading().notificationDeliveries(state: state, limit: limit)
            } catch {
                throw CLIFailure("\(error)")
            }
            if deliveries.isEmpty { print("the notification queue is empty") }
            for delivery in deliveries {
                let next = delivery.state == .queued ? delivery.nextAttemptAt.iso8601 : "-"
                print([
                    "\(delivery.id)", delivery.state.rawValue, "×\(delivery.attempts)", next, delivery.subscription.channel.displayTarget,
                    "#\(delivery.notification.investigationID) " + NotificationText.headline(delivery.notification), delivery.lastError ?? "",
                ].map(TextSanitizer.singleLine).joined(separator: "\t"))
            }
        }
    }

    struct Retry: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Queue dead letters again (all, or one by id) with their attempts reset.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The message's id (from `inquest notify queue --state dead`); all dead letters when omitted.") var id: Int64?

        func run() throws {
            do {
                let count = try store.open().retryDeadNotifications(id: id, at: .now())
                print("queued \(count) dead letter\(count == 1 ? "" : "s") again")
            } catch {
                throw CLIFailure("\(error)")
            }
        }
    }
}

extension NotificationDelivery.State: ExpressibleByArgument {}
