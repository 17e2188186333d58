import Foundation
import GRDB
import InquestCore

extension InquestStore {
    /// Records a notification from another audit trail (a team database's): stored once per
    /// (`source`, `sourceID`) and queued for every matching subscription in the same transaction,
    /// by the same trigger as this store's own changes. Returns false when it was already recorded.
    @discardableResult
    public func recordNotification(_ notification: InvestigationNotification) throws -> Bool {
        let columns = InvestigationNotification.columns
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        return try wrap("recording notification \(notification.source)/\(notification.sourceID)") {
            try writer.write { db in
                try db.execute(
                    sql: "INSERT OR IGNORE INTO notification (\(columns.joined(separator: ", "))) VALUES (\(placeholders))",
                    arguments: StatementArguments(notification.columnValues()))
                return db.changesCount > 0
            }
        }
    }

    /// Claims up to `limit` messages that are due at `now` (queued with a next attempt at or
    /// before it, or sending under a lease that has expired) for `holder` until `leaseUntil`, in
    /// one transaction, so two senders never claim the same message. Each claim counts an attempt.
    /// A message whose lease expired after its last allowed attempt becomes a dead letter instead.
    public func claimDueNotifications(
        now: Timestamp, leaseUntil: Timestamp, holder: String, limit: Int, maxAttempts: Int
    ) throws -> [NotificationDelivery] {
        try wrap("claiming due notifications") {
            try writer.write { db in
                try db.execute(
                    sql: """
                        UPDATE notify_outbox SET state = 'dead', finished_at = ?1, lease_until = NULL,
                          last_error = 'no answer within the lease after ' || attempts || ' attempts' || COALESCE(' (last error: ' || last_error || ')', '')
                        WHERE state = 'sending' AND lease_until <= ?1 AND attempts >= ?2
                        """,
                    arguments: [now.nanoseconds, maxAttempts])
                let ids = try Int64.fetchAll(
                    db,
                    sql: """
                        SELECT id FROM notify_outbox
                        WHERE (state = 'queued' AND next_attempt_at <= ?1) OR (state = 'sending' AND lease_until <= ?1)
                        ORDER BY next_attempt_at, id LIMIT ?2
                        """,
                    arguments: [now.nanoseconds, max(0, limit)])
                guard !ids.isEmpty else { return [] }
                let list = ids.map(String.init).joined(separator: ", ")
                try db.execute(
                    sql: """
                        UPDATE notify_outbox SET state = 'sending', attempts = attempts + 1, lease_until = ?, lease_holder = ?
                        WHERE id IN (\(list))
                        """,
                    arguments: [leaseUntil.nanoseconds, holder])
                return try Self.deliveries(db, condition: "notify_outbox.id IN (\(list))", arguments: [])
            }
        }
    }

    /// Marks a message delivered (whoever holds its lease now: the receiver has it).
    public func markNotificationSent(id: Int64, at time: Timestamp) throws {
        try finish(id: id, sql: "state = 'sent', finished_at = ?, lease_until = NULL, last_error = NULL", arguments: [time.nanoseconds])
    }

    /// Queues a message again after a failed attempt, to be tried at `nextAttemptAt`.
    public func rescheduleNotification(id: Int64, nextAttemptAt: Timestamp, error: String) throws {
        try finish(id: id, sql: "state = 'queued', next_attempt_at = ?, lease_until = NULL, last_error = ?", arguments: [nextAttemptAt.nanoseconds, error])
    }

    /// Gives a message up: a dead letter with its reason.
    public func deadLetterNotification(id: Int64, at time: Timestamp, reason: String) throws {
        try finish(id: id, sql: "state = 'dead', finished_at = ?, lease_until = NULL, last_error = ?", arguments: [time.nanoseconds, reason])
    }

    /// Queues dead letters again (all, or one), with their attempts reset; returns how many.
    @discardableResult
    public func retryDeadNotifications(id: Int64? = nil, at time: Timestamp) throws -> Int {
        try wrap("retrying dead notifications") {
            try writer.write { db in
                try db.execute(
                    sql: """
                        UPDATE notify_outbox SET state = 'queued', attempts = 0, next_attempt_at = ?, finished_at = NULL
                        WHERE state = 'dead' AND (?2 IS NULL OR id = ?2)
                        """,
                    arguments: [time.nanoseconds, id])
                return db.changesCount
            }
        }
    }

    /// Deletes delivered messages finished before `time`, and notifications left without any message.
    @discardableResult
    public func pruneSentNotifications(finishedBefore time: Timestamp) throws -> Int {
        try wrap("pruning sent notifications") {
            try writer.write { db in
                try db.execute(sql: "DELETE FROM notify_outbox WHERE state = 'sent' AND finished_at < ?", arguments: [time.nanoseconds])
                let pruned = db.changesCount
                try db.execute(
                    sql: "DELETE FROM notification WHERE at < ? AND NOT EXISTS (SELECT 1 FROM notify_outbox WHERE notification_id = notification.id)",
                    arguments: [time.nanoseconds])
                return pruned
            }
        }
    }

    /// The queue's messages in one state (all states when nil), oldest first, at most `limit`.
    public func notificationDeliveries(state: NotificationDelivery.State? = nil, limit: Int = 100) throws -> [NotificationDelivery] {
        try wrap("reading the notification queue") {
            try writer.read { db in
                try Self.deliveries(
                    db, condition: "(?1 IS NULL OR notify_outbox.state = ?1) ORDER BY notify_outbox.id LIMIT ?2",
                    arguments: [state?.rawValue, max(0, limit)])
            }
        }
    }

    /// Counts by state, the next attempt and the last dead letter's reason (`inquest status`).
    public func notificationQueueSummary() throws -> NotificationQueueSummary {
        try wrap("reading the notification queue") {
            try writer.read { db in
                var summary = NotificationQueueSummary()
                for row in try Row.fetchAll(db, sql: "SELECT state, count(*) AS n, min(next_attempt_at) AS next FROM notify_outbox GROUP BY state") {
                    let count: Int = row["n"]
                    switch NotificationDelivery.State(rawValue: row["state"] as String? ?? "") {
                    case .queued?:
                        summary.queued = count
                        summary.nextAttemptAt = (row["next"] as Int64?).map(Timestamp.init(nanoseconds:))
                    case .sending?: summary.sending = count
                    case .sent?: summary.sent = count
                    case .dead?: summary.dead = count
                    case nil: break
                    }
                }
                summary.lastDeadReason = try String.fetchOne(
                    db, sql: "SELECT last_error FROM notify_outbox WHERE state = 'dead' ORDER BY finished_at DESC, id DESC LIMIT 1")
                return summary
            }
        }
    }

    private func finish(id: Int64, sql assignments: String, arguments: StatementArguments) throws {
        try wrap("updating notification \(id)") {
            try writer.write { db in
                try db.execute(
                    sql: "UPDATE notify_outbox SET \(assignments) WHERE id = ? AND state IN ('sending', 'queued')",
                    arguments: arguments + [id])
            }
        }
    }

    private static func deliveries(_ db: Database, condition: String, arguments: StatementArguments) throws -> [NotificationDelivery] {
        let subscriptionColumns = [
            "id", "owner", "channel", "target", "investigation_id", "events", "settings", "enabled", "created_at",
        ].map { "s.\($0) AS s_\($0)" }.joined(separator: ", ")
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT notify_outbox.id AS outbox_id, notify_outbox.idempotency_key, notify_outbox.state AS outbox_state,
                  notify_outbox.attempts, notify_outbox.next_attempt_at, notify_outbox.lease_until, notify_outbox.last_error,
                  \(InvestigationNotification.selection), \(subscriptionColumns),
                  (SELECT json_group_array(investigation_id) FROM notify_mute WHERE subscription_id = s.id) AS s_muted
                FROM notify_outbox
                JOIN notification ON notification.id = notify_outbox.notification_id
                JOIN notify_subscription AS s ON s.id = notify_outbox.subscription_id
                WHERE \(condition)
                """,
            arguments: arguments)
        return try rows.map { row in
            let id: Int64 = row["outbox_id"]
            let stateText: String = row["outbox_state"]
            guard let state = NotificationDelivery.State(rawValue: stateText) else {
                throw StoreError.corruptRow(table: "notify_outbox", id: id, column: "state", value: stateText)
            }
            return NotificationDelivery(
                id: id, idempotencyKey: row["idempotency_key"], state: state, attempts: row["attempts"],
                nextAttemptAt: Timestamp(nanoseconds: row["next_attempt_at"]),
                leaseUntil: (row["lease_until"] as Int64?).map(Timestamp.init(nanoseconds:)), lastError: row["last_error"],
                notification: try InvestigationNotification(row: row), subscription: try NotificationSubscription(row: row, prefix: "s_"))
        }
    }
}
