import InquestCore

/// Values the notification tests share.
enum NotificationFixtures {
    static func notification(kinds: Set<NotificationKind> = [.status], title: String = "Checkout 502s", note: String? = nil) -> InvestigationNotification {
        InvestigationNotification(
            id: 1, source: "store:test", sourceID: "7", at: Timestamp(seconds: 1_765_090_619), actor: "ann", kinds: kinds,
            investigationID: 12, title: title, status: .investigating, severity: .sev2, owner: "ann", previousStatus: .open,
            noteID: note == nil ? nil : 3, noteAuthor: note == nil ? nil : "ann", noteBody: note)
    }

    static func delivery(_ notification: InvestigationNotification, channel: NotificationChannel, attempts: Int = 1) -> NotificationDelivery {
        NotificationDelivery(
            id: 1, idempotencyKey: "store:test/7/\(channel.kind):\(channel.target)", state: .sending, attempts: attempts,
            nextAttemptAt: notification.at, notification: notification,
            subscription: NotificationSubscription(id: 1, owner: "ann", kinds: notification.kinds, channel: channel))
    }
}
