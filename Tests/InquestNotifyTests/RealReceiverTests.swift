import Foundation
import InquestCore
import InquestStore
import InquestTestSupport
import Testing
@testable import InquestNotify

/// The sender against real receivers: aiosmtpd with STARTTLS required and AUTH, and a webhook
/// receiver that checks the signature and remembers keys (see `Scripts/notify-test-*.py`).
@Suite(.serialized, .enabled(if: NotifyTestServers.isAvailable, NotifyTestServers.skipReason))
struct RealReceiverTests {
    private let directory: URL
    private let mailbox: URL
    private let hooks: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("inquest-notify-\(UUID().uuidString)")
        mailbox = directory.appendingPathComponent("mail")
        hooks = directory.appendingPathComponent("hooks")
        for folder in [mailbox, hooks] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
    }

    private func smtp(require: Bool = true) throws -> (server: ScriptServer, settings: SMTPSettings) {
        let (certificate, key) = try NotifyTestServers.makeCertificate(in: directory)
        let server = try NotifyTestServers.startSMTP(mailbox: mailbox, certificate: certificate, key: key, requireStartTLS: require, user: "notifier", password: "hunter2")
        let passwordFile = directory.appendingPathComponent("smtp.password")
        try Data("hunter2\n".utf8).write(to: passwordFile)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: passwordFile.path)
        let settings = SMTPSettings(
            host: "localhost", port: server.port, startTLS: .required, from: "inquest@ops.example", username: "notifier",
            passwordFile: passwordFile.path, caFile: certificate.path)
        return (server, settings)
    }

    private func sender(_ store: InquestStore, maxAttempts: Int = 8) -> NotificationSender {
        NotificationSender(
            store: store,
            policy: NotifierPolicy(lease: .seconds(20), sendTimeout: .seconds(10), maxAttempts: maxAttempts, backoff: BackoffPolicy(base: .milliseconds(1), cap: .milliseconds(1))))
    }

    @Test func aStatusChangeSendsOneMailOverSTARTTLSAndOneSignedWebhook() async throws {
        let (smtpServer, settings) = try smtp()
        defer { smtpServer.stop() }
        let receiver = try NotifyTestServers.startWebhookReceiver(directory: hooks, secret: "whsec")
        defer { receiver.stop() }
        let store = try InquestStore.open(path: directory.appendingPathComponent("inquest.db").path)
        try store.addSubscription(NotificationSubscription(owner: "ann", kinds: [.status], channel: .email(address: "oncall@ops.example", server: settings)))
        try store.addSubscription(NotificationSubscription(owner: "ann", kinds: [.status], channel: .webhook(url: "http://127.0.0.1:\(receiver.port)/hook", secret: "whsec")))
        var investigation = try store.createInvestigation(Investigation(title: "Checkout 502s\r\nBcc: mallory@evil.example", owner: "ann"))
        investigation.status = .investigating
        try store.updateInvestigation(investigation)

        let result = try await sender(store).drain()

        #expect(result.delivered == 2 && result.retried == 0 && result.dead == 0)
        let mails = NotifyTestServers.messages(in: mailbox)
        #expect(mails.count == 1)
        let mail = try #require(mails.first)
        #expect(mail.contains("X-Test-TLS: yes") && mail.contains("X-Test-Auth: notifier"))
        #expect(mail.contains("X-Test-Envelope-To: oncall@ops.example\r\n"), "the title's Bcc reached no envelope")
        #expect(!mail.contains("\r\nBcc:"))
        #expect(mail.contains("Subject: [Inquest] SEV3 #\(investigation.id ?? 0) Checkout 502s⏎Bcc: mallory@evil.example: status open → investigating") || mail.contains("Subject: =?UTF-8?B?"))
        #expect(mail.contains("Message-ID: <"))
        let deliveries = NotifyTestServers.jsonLines(hooks.appendingPathComponent("deliveries.jsonl"))
        #expect(deliveries.count == 1)
        let requests = NotifyTestServers.jsonLines(hooks.appendingPathComponent("requests.jsonl"))
        #expect(requests.map { $0["verdict"] as? String } == ["new"], "the receiver verified the signature and timestamp")
        let body = try #require(deliveries.first?["body"] as? [String: Any])
        #expect(body["events"] as? [String] == ["status"])
        #expect(try store.notificationQueueSummary() == NotificationQueueSummary(sent: 2))
    }

    @Test func aNoteWithDotLinesArrivesWhole() async throws {
        let (smtpServer, settings) = try smtp()
        defer { smtpServer.stop() }
        let store = try InquestStore.open(path: directory.appendingPathComponent("inquest.db").path)
        try store.addSubscription(NotificationSubscription(owner: "ann", kinds: [.note], channel: .email(address: "oncall@ops.example", server: settings)))
        let id = try #require(try store.createInvestigation(Investigation(title: "Größer als gedacht")).id)
        try store.addNote(investigationID: id, body: ".\n..leading dots\nlast line")

        #expect(try await sender(store).drain().delivered == 1)
        let mail = try #require(NotifyTestServers.messages(in: mailbox).first)
        #expect(mail.contains("\r\n  .\r\n  ..leading dots\r\n  last line\r\n"), "the server un-stuffed exactly what was stuffed")
        #expect(mail.contains("Subject: =?UTF-8?B?"))
    }

    @Test func aWrongSecretIsADeadLetterAtOnceAndAnUnreachableHookIsRetriedThenDead() async throws {
        let receiver = try NotifyTestServers.startWebhookReceiver(directory: hooks, secret: "right")
        defer { receiver.stop() }
        let store = try InquestStore.open(path: directory.appendingPathComponent("inquest.db").path)
        try store.addSubscription(NotificationSubscription(owner: "ann", kinds: [.created], channel: .webhook(url: "http://127.0.0.1:\(receiver.port)/hook", secret: "wrong")))
        try store.addSubscription(NotificationSubscription(owner: "ann", kinds: [.created], channel: .webhook(url: "http://127.0.0.1:1/closed", secret: "s")))
        try store.createInvestigation(Investigation(title: "one"))
        let notifier = sender(store, maxAttempts: 3)

        var passes = 0
        while try store.notificationQueueSummary().dead < 2, passes < 20 {
            try await notifier.drain()
            passes += 1
            try await Task.sleep(for: .milliseconds(20))
        }
        let dead = try store.notificationDeliveries(state: .dead)
        #expect(dead.count == 2)
        let refused = try #require(dead.first { $0.subscription.channel.target.hasSuffix("/hook") })
        #expect(refused.attempts == 1 && refused.lastError?.contains("HTTP 401") == true)
        let unreachable = try #require(dead.first { $0.subscription.channel.target.hasSuffix("/closed") })
        #expect(unreachable.attempts == 3 && unreachable.lastError?.hasPrefix("gave up after 3 attempts") == true)
        #expect(NotifyTestServers.jsonLines(hooks.appendingPathComponent("deliveries.jsonl")).isEmpty)
    }

    @Test func requiredSTARTTLSRefusesAServerWithoutItAndAutoSendsInTheClear() async throws {
        let server = try NotifyTestServers.startSMTP(mailbox: mailbox, certificate: nil, key: nil, requireStartTLS: false)
        defer { server.stop() }
        let store = try InquestStore.open(path: directory.appendingPathComponent("inquest.db").path)
        let required = SMTPSettings(host: "127.0.0.1", port: server.port, startTLS: .required, from: "a@b.example")
        var relaxed = required
        relaxed.startTLS = .auto
        try store.addSubscription(NotificationSubscription(owner: "ann", kinds: [.created], channel: .email(address: "strict@d.example", server: required)))
        try store.addSubscription(NotificationSubscription(owner: "ann", kinds: [.created], channel: .email(address: "relaxed@d.example", server: relaxed)))
        try store.createInvestigation(Investigation(title: "one"))

        let result = try await sender(store).drain()

        #expect(result.dead == 1 && result.delivered == 1)
        #expect(try store.notificationDeliveries(state: .dead).first?.lastError?.contains("does not offer STARTTLS") == true)
        let mails = NotifyTestServers.messages(in: mailbox)
        #expect(mails.count == 1 && mails.first?.contains("X-Test-TLS: no") == true && mails.first?.contains("relaxed@d.example") == true)
    }
}
