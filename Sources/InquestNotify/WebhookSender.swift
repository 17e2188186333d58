import Foundation
import InquestCore
import InquestNet

/// Delivers to webhooks: a JSON POST ( ``NotificationText/webhookBody(_:key:)``) with
/// `Idempotency-Key` (the same on every attempt, so a receiver that remembers keys takes a
/// resent message once), `X-Inquest-Event`, and the signature headers of ``WebhookSignature``.
public struct WebhookSender: NotificationChannelSender {
    private let transport: any HTTPTransport
    private let clock: @Sendable () -> Timestamp

    /// `transport` sends the request (``URLSessionTransport`` in production).
    public init(transport: any HTTPTransport = URLSessionTransport(), clock: @escaping @Sendable () -> Timestamp = { .now() }) {
        self.transport = transport
        self.clock = clock
    }

    public func deliver(_ delivery: NotificationDelivery, timeout: Duration) async -> DeliveryOutcome {
        guard case .webhook(let urlText, let secret) = delivery.subscription.channel else {
            return .permanent(reason: "not a webhook subscription")
        }
        guard let url = URL(string: urlText), ["http", "https"].contains(url.scheme?.lowercased() ?? "") else {
            return .permanent(reason: "webhook URL \(urlText.debugDescription) is not http(s)")
        }
        let key = delivery.wireKey
        let body = NotificationText.webhookBody(delivery.notification, key: key)
        let timestamp = clock().nanoseconds / 1_000_000_000
        let headers = [
            "Content-Type": "application/json",
            "User-Agent": "inquest-notify",
            "Idempotency-Key": key,
            "X-Inquest-Event": delivery.notification.kinds.sorted().map(\.rawValue).joined(separator: ","),
            "X-Inquest-Delivery-Attempt": String(delivery.attempts),
            WebhookSignature.timestampHeader: String(timestamp),
            WebhookSignature.signatureHeader: WebhookSignature.sign(body: body, timestamp: timestamp, secret: secret),
        ]
        let seconds = Double(timeout.nanoseconds) / 1e9
        do {
            let response = try await transport.post(url, body: body, headers: headers, timeout: seconds)
            return Self.outcome(status: response.status, body: response.body, url: delivery.subscription.channel.displayTarget)
        } catch {
            return .retry(reason: "\(error)")
        }
    }

    /// 2xx delivered; 408, 409 (a receiver still working on the same key), 425, 429 and 5xx worth
    /// retrying; any other answer (400, 401, 404...) will not change by itself.
    static func outcome(status: Int, body: Data, url: String) -> DeliveryOutcome {
        if (200..<300).contains(status) { return .delivered }
        let text = String(decoding: body.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let reason = "\(url) answered HTTP \(status)\(text.isEmpty ? "" : ": \(text)")"
        if [408, 409, 425, 429].contains(status) || status >= 500 { return .retry(reason: reason) }
        return .permanent(reason: reason)
    }
}
