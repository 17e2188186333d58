import Foundation
import InquestCore
import InquestStore
import InquestTestSupport
import Testing

extension EndToEnd {
    /// `inquest notify run` against real receivers, killed mid-send and restarted.
    @Suite(.serialized, .enabled(if: NotifyTestServers.isAvailable, NotifyTestServers.skipReason))
    struct NotifyEndToEndTests {
        @Test func aNotifierKilledMidSendIsRestartedAndSendsNoDuplicate() async throws {
            let directory = try BinaryRunner.temporaryDirectory()
            let mailbox = directory.appendingPathComponent("mail")
            let hooks = directory.appendingPathComponent("hooks")
            for folder in [mailbox, hooks] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
            let database = directory.appendingPathComponent("inquest.db").path
            let (certificate, key) = try NotifyTestServers.makeCertificate(in: directory)
            let smtp = try NotifyTestServers.startSMTP(mailbox: mailbox, certificate: certificate, key: key)
            defer { smtp.stop() }
            // The receiver records the first request as delivered, then never answers it.
            let receiver = try NotifyTestServers.startWebhookReceiver(directory: hooks, secret: "whsec", stallFirst: true)
            defer { receiver.stop() }

            let hook = try BinaryRunner.run([
                "notify", "add", "webhook", "http://127.0.0.1:\(receiver.port)/hook", "--secret", "whsec", "--events", "status", "--db", database,
            ])
            #expect(hook.status == 0, "\(hook.stderr)")
            let mail = try BinaryRunner.run([
                "notify", "add", "email", "oncall@ops.example", "--smtp", "localhost:\(smtp.port)", "--starttls", "required",
                "--from", "inquest@ops.example", "--ca-file", certificate.path, "--events", "status", "--db", database,
            ])
            #expect(mail.status == 0, "\(mail.stderr)")
            let store = try InquestStore.open(path: database)
            var investigation = try store.createInvestigation(Investigation(title: "Checkout 502s"))
            investigation.status = .investigating
            try store.updateInvestigation(investigation)
            #expect(try store.notificationQueueSummary().queued == 2)

            let requests = hooks.appendingPathComponent("requests.jsonl")
            let first = try WatchProcess(["--lease", "10s", "--db", database], output: directory.appendingPathComponent("notify-1.out"), command: ["notify", "run"])
            let stalled = await NotifyTestServers.poll(seconds: 60) {
                NotifyTestServers.jsonLines(requests).contains { $0["verdict"] as? String == "stalling" }
            }
            #expect(stalled, "the webhook was not attempted")
            first.kill()
            #expect(try store.notificationQueueSummary().sending >= 1, "killed mid-send, the message is still leased")

            let second = try WatchProcess(["--lease", "10s", "--db", database], output: directory.appendingPathComponent("notify-2.out"), command: ["notify", "run"])
            defer { second.kill() }
            let drained = await NotifyTestServers.poll(seconds: 90) {
                guard let summary = try? store.notificationQueueSummary() else { return false }
                return summary.sent == 2 && summary.queued == 0 && summary.sending == 0
            }
            #expect(drained, "queue: \(String(describing: try? store.notificationQueueSummary()))")
            await second.stop(SIGTERM)

            let verdicts = NotifyTestServers.jsonLines(requests).compactMap { $0["verdict"] as? String }
            #expect(verdicts == ["new", "stalling", "duplicate"], "resent once with the same key, which the receiver took once")
            let keys = Set(NotifyTestServers.jsonLines(requests).compactMap { $0["key"] as? String })
            #expect(keys.count == 1)
            #expect(NotifyTestServers.jsonLines(hooks.appendingPathComponent("deliveries.jsonl")).count == 1)
            let mails = NotifyTestServers.messages(in: mailbox)
            #expect(mails.count == 1, "the mail was sent once")
            #expect(mails.first?.contains("X-Test-TLS: yes") == true)
            #expect(try store.notificationQueueSummary().dead == 0)

            let status = try BinaryRunner.run(["status", "--db", database])
            #expect(status.stdout.contains("notifications: 0 queued, 0 sending, 2 sent, 0 dead"), "\(status.stdout)")
        }
    }
}
