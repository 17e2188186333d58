import InquestCore

/// How one attempt to deliver a message ended.
public enum DeliveryOutcome: Sendable, Hashable {
    /// The receiver accepted it.
    case delivered
    /// It failed in a way a later attempt may not (a refused connection, a 5xx, a 4xx SMTP reply).
    case retry(reason: String)
    /// It failed for good (a 4xx HTTP answer, a 5xx SMTP reply, a broken setting): a dead letter at once.
    case permanent(reason: String)
}

/// Delivers one message through its subscription's channel. The sender calls it once per
/// claimed attempt; an implementation returns, never throws, within `timeout`.
public protocol NotificationChannelSender: Sendable {
    func deliver(_ delivery: NotificationDelivery, timeout: Duration) async -> DeliveryOutcome
}
