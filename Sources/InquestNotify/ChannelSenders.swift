import InquestCore

/// Picks the sender for a message's channel: webhooks to one, email to the other.
public struct ChannelSenders: NotificationChannelSender {
    public var webhook: any NotificationChannelSender
    public var email: any NotificationChannelSender

    public init(webhook: any NotificationChannelSender = WebhookSender(), email: any NotificationChannelSender = EmailSender()) {
        self.webhook = webhook
        self.email = email
    }

    public func deliver(_ delivery: NotificationDelivery, timeout: Duration) async -> DeliveryOutcome {
        switch delivery.subscription.channel {
        case .webhook: await webhook.deliver(delivery, timeout: timeout)
        case .email: await email.deliver(delivery, timeout: timeout)
        }
    }
}
