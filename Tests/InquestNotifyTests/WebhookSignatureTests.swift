import Foundation
import InquestCore
import Testing
@testable import InquestNotify

@Suite("Webhook signature and body")
struct WebhookSignatureTests {
    @Test func signsTimestampDotBodyWithHMACSHA256() {
        // Expected value from Python: hmac.new(b"topsecret", b"1700000000." + body, hashlib.sha256).hexdigest()
        let signature = WebhookSignature.sign(body: Data(#"{"a":1}"#.utf8), timestamp: 1_700_000_000, secret: "topsecret")
        #expect(signature == "sha256=6a939b0c71853d606167625a15168ee9188c6a511c773ef4f42d307f3849e50f")
    }

    @Test func verifiesOnlyTheSameBodySecretAndAFreshTimestamp() {
        let body = Data(#"{"a":1}"#.utf8)
        let signature = WebhookSignature.sign(body: body, timestamp: 1000, secret: "k")
        #expect(WebhookSignature.verify(body: body, timestamp: 1000, signature: signature, secret: "k", now: 1100))
        #expect(!WebhookSignature.verify(body: Data(#"{"a":2}"#.utf8), timestamp: 1000, signature: signature, secret: "k", now: 1100))
        #expect(!WebhookSignature.verify(body: body, timestamp: 1000, signature: signature, secret: "other", now: 1100))
        #expect(!WebhookSignature.verify(body: body, timestamp: 1001, signature: signature, secret: "k", now: 1100), "the timestamp is signed")
        #expect(!WebhookSignature.verify(body: body, timestamp: 1000, signature: signature, secret: "k", now: 1000 + 301), "a replay is stale")
        #expect(!WebhookSignature.verify(body: body, timestamp: 1000, signature: "sha256=zz", secret: "k", now: 1000))
    }

    @Test func bodyIsStableSnakeCaseJSONWithTheKey() throws {
        let notification = NotificationFixtures.notification(kinds: [.status, .resolved])
        let body = NotificationText.webhookBody(notification, key: "abc")
        #expect(body == NotificationText.webhookBody(notification, key: "abc"))
        let object = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        #expect(object["id"] as? String == "abc")
        #expect(object["events"] as? [String] == ["status", "resolved"])
        #expect((object["investigation"] as? [String: Any])?["status"] as? String == "investigating")
        #expect((object["previous"] as? [String: Any])?["status"] as? String == "open")
        #expect(object["at"] as? String == "2025-12-07T06:56:59.000Z")
    }

    @Test func wireKeyIsStablePerQueueKeyAndHidesTheTarget() {
        let channel = NotificationChannel.webhook(url: "https://hooks.example/T0K3N", secret: "s")
        let first = NotificationFixtures.delivery(NotificationFixtures.notification(), channel: channel, attempts: 1)
        let retry = NotificationFixtures.delivery(NotificationFixtures.notification(), channel: channel, attempts: 5)
        #expect(first.wireKey == retry.wireKey)
        #expect(first.wireKey.count == 64 && !first.wireKey.contains("T0K3N"))
    }

    @Test func answersMapToDeliveredRetryOrDeadLetter() {
        #expect(WebhookSender.outcome(status: 204, body: Data(), url: "u") == .delivered)
        for status in [408, 409, 425, 429, 500, 503] {
            guard case .retry = WebhookSender.outcome(status: status, body: Data(), url: "u") else {
                Issue.record("HTTP \(status) should be retried")
                continue
            }
        }
        for status in [400, 401, 404, 410] {
            guard case .permanent = WebhookSender.outcome(status: status, body: Data(), url: "u") else {
                Issue.record("HTTP \(status) should be a dead letter")
                continue
            }
        }
    }

    @Test func displayTargetDropsTokensInQueryAndUserInfo() {
        #expect(NotificationChannel.webhook(url: "https://user:pw@hooks.example/a?token=x", secret: "s").displayTarget == "https://hooks.example/a")
    }
}
