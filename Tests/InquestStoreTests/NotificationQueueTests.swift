import Foundation
import GRDB
import InquestCore
import Testing
@testable import InquestStore

@Suite("Notification queue")
struct NotificationQueueTests {
    private func webhook(_ url: String = "http://127.0.0.1:9/hook", investigation: Int64? = nil, kinds: Set<NotificationKind>) -> NotificationSubscription {
        NotificationSubscription(owner: "ann", investigationID: investigation, kinds: kinds, channel: .webhook(url: url, secret: "s3cret"))
    }

    private func queued(_ store: InquestStore) throws -> [NotificationDelivery] {
        try store.notificationDeliveries(state: .queued)
    }

    @Test func changesOfEachKindAreQueuedInTheTransactionOfTheChange() throws {
        let store = try InquestStore.inMemory(audit: AuditIdentity(actor: "bob"))
        try store.addSubscription(webhook(kinds: Set(NotificationKind.allCases)))
        var investigation = try store.createInvestigation(Investigation(title: "Checkout 502s", owner: "ann"))
        let id = try #require(investigation.id)
        investigation.status = .investigating
        investigation.severity = .sev1
        investigation = try store.updateInvestigation(investigation)
        investigation.owner = "carol"
        investigation = try store.updateInvestigation(investigation)
        investigation.rootCause = "pool of 5"
        investigation = try store.updateInvestigation(investigation)
        try store.addNote(investigationID: id, body: "pool exhausted at 10:42", author: "bob")
        investigation.status = .resolved
        try store.updateInvestigation(investigation)

        let messages = try queued(store)
        #expect(messages.map { $0.notification.kinds.sorted().map(\.rawValue).joined(separator: ",") } == [
            "created", "status,severity", "owner", "note", "status,resolved",
        ], "the root-cause edit is no notification; the rest one message each")
        #expect(messages.allSatisfy { $0.notification.actor == "bob" && $0.notification.investigationID == id })
        #expect(messages[1].notification.previousStatus == .open && messages[1].notification.status == .investigating)
        #expect(messages[1].notification.previousSeverity == .sev3 && messages[1].notification.severity == .sev1)
        #expect(messages[2].notification.previousOwner == "ann" && messages[2].notification.owner == "carol")
        #expect(messages[3].notification.noteBody == "pool exhausted at 10:42" && messages[3].notification.noteAuthor == "bob")
        #expect(messages[4].notification.title == "Checkout 502s")
        #expect(Set(messages.map(\.idempotencyKey)).count == messages.count)
        #expect(messages.allSatisfy { $0.attempts == 0 && $0.subscription.channel == .webhook(url: "http://127.0.0.1:9/hook", secret: "s3cret") })
    }

    @Test func subscriptionsFilterByKindInvestigationMuteAndEnabled() throws {
        let store = try InquestStore.inMemory()
        let first = try #require(try store.createInvestigation(Investigation(title: "one")).id)
        let second = try #require(try store.createInvestigation(Investigation(title: "two")).id)
        let notes = try #require(try store.addSubscription(webhook("http://a/", kinds: [.note])).id)
        let onlySecond = try #require(try store.addSubscription(webhook("http://b/", investigation: second, kinds: [.note, .status])).id)
        let muted = try #require(try store.addSubscription(webhook("http://c/", kinds: [.note])).id)
        let off = try #require(try store.addSubscription(webhook("http://d/", kinds: [.note])).id)
        try store.setSubscription(id: muted, muted: true, investigationID: first)
        try store.setSubscription(id: off, enabled: false)

        try store.addNote(investigationID: first, body: "a")
        try store.addNote(investigationID: second, body: "b")

        let bySubscription = Dictionary(grouping: try queued(store), by: { $0.subscription.id ?? 0 })
        #expect(bySubscription[notes]?.map(\.notification.investigationID) == [first, second])
        #expect(bySubscription[onlySecond]?.map(\.notification.investigationID) == [second])
        #expect(bySubscription[muted]?.map(\.notification.investigationID) == [second])
        #expect(bySubscription[off] == nil)
        #expect(try store.subscriptions(investigationID: first).compactMap(\.id) == [notes, muted, off])
        #expect(try store.subscription(id: muted)?.mutedInvestigations == [first])
    }

    @Test func toggleMutesAGlobalSubscriptionAndSwitchesAnInvestigationsOwn() throws {
        let store = try InquestStore.inMemory()
        let id = try #require(try store.createInvestigation(Investigation(title: "one")).id)
        let global = try #require(try store.addSubscription(webhook("http://a/", kinds: [.note])).id)
        let own = try #require(try store.addSubscription(webhook("http://b/", investigation: id, kinds: [.note])).id)
        #expect(try store.toggleSubscription(id: global, investigationID: id).delivers(investigationID: id) == false)
        #expect(try store.toggleSubscription(id: own, investigationID: id).enabled == false)
        try store.addNote(investigationID: id, body: "quiet")
        #expect(try queued(store).isEmpty)
        #expect(try store.toggleSubscription(id: global, investigationID: id).delivers(investigationID: id))
        #expect(try store.toggleSubscription(id: own, investigationID: id).enabled)
        try store.addNote(investigationID: id, body: "loud")
        #expect(try queued(store).count == 2)
    }

    @Test func twoSubscriptionsOfOneTargetQueueOneMessage() throws {
        let store = try InquestStore.inMemory()
        let id = try #require(try store.createInvestigation(Investigation(title: "one")).id)
        try store.addSubscription(webhook("http://same/", kinds: [.note]))
        try store.addSubscription(webhook("http://same/", investigation: id, kinds: [.note]))
        try store.addNote(investigationID: id, body: "once")
        #expect(try queued(store).count == 1)
    }

    @Test func claimsLeaseRetriesAndDeadLetters() throws {
        let store = try InquestStore.inMemory()
        try store.addSubscription(webhook(kinds: [.created]))
        try store.createInvestigation(Investigation(title: "one", createdAt: Timestamp(seconds: 100)))
        let now = Timestamp.now()
        let lease = now.advanced(saturating: 60_000_000_000)

        let claimed = try store.claimDueNotifications(now: now, leaseUntil: lease, holder: "a", limit: 10, maxAttempts: 3)
        #expect(claimed.count == 1 && claimed[0].attempts == 1 && claimed[0].state == .sending)
        #expect(try store.claimDueNotifications(now: now, leaseUntil: lease, holder: "b", limit: 10, maxAttempts: 3).isEmpty,
                "a message under a lease is nobody else's")

        let afterLease = lease.advanced(saturating: 1)
        let reclaimed = try store.claimDueNotifications(now: afterLease, leaseUntil: afterLease.advanced(saturating: 60_000_000_000), holder: "b", limit: 10, maxAttempts: 3)
        #expect(reclaimed.map(\.idempotencyKey) == claimed.map(\.idempotencyKey) && reclaimed[0].attempts == 2, "an expired lease is resent with the same key")

        try store.rescheduleNotification(id: reclaimed[0].id, nextAttemptAt: afterLease.advanced(saturating: 5_000_000_000), error: "HTTP 503")
        #expect(try store.claimDueNotifications(now: afterLease, leaseUntil: afterLease, holder: "a", limit: 10, maxAttempts: 3).isEmpty)
        let later = afterLease.advanced(saturating: 5_000_000_000)
        let third = try store.claimDueNotifications(now: later, leaseUntil: later.advanced(saturating: 1_000_000_000), holder: "a", limit: 10, maxAttempts: 3)
        #expect(third.first?.attempts == 3 && third.first?.lastError == "HTTP 503")

        let expired = later.advanced(saturating: 2_000_000_000)
        #expect(try store.claimDueNotifications(now: expired, leaseUntil: expired, holder: "a", limit: 10, maxAttempts: 3).isEmpty,
                "a message whose lease expired after its last attempt is not sent again")
        let summary = try store.notificationQueueSummary()
        #expect(summary.dead == 1 && summary.queued == 0 && summary.sending == 0)
        #expect(summary.lastDeadReason?.contains("3 attempts") == true && summary.lastDeadReason?.contains("HTTP 503") == true)

        #expect(try store.retryDeadNotifications(at: expired) == 1)
        let retried = try store.claimDueNotifications(now: expired, leaseUntil: expired.advanced(saturating: 1), holder: "a", limit: 10, maxAttempts: 3)
        try store.markNotificationSent(id: try #require(retried.first).id, at: expired)
        #expect(try store.notificationQueueSummary() == NotificationQueueSummary(sent: 1, lastDeadReason: nil))
        #expect(try store.pruneSentNotifications(finishedBefore: expired.advanced(saturating: 1)) == 1)
        #expect(try store.notificationDeliveries().isEmpty)
    }

    @Test func aTeamTrailsNotificationIsRecordedOnceAndFannedOut() throws {
        let store = try InquestStore.inMemory()
        try store.addSubscription(webhook(kinds: [.status]))
        let notification = InvestigationNotification(
            id: 0, source: "team:ops", sourceID: "4711", at: Timestamp(seconds: 5), actor: "dana", kinds: [.status],
            investigationID: 42, title: "Shared", status: .investigating, severity: .sev2, owner: "dana", previousStatus: .open)
        #expect(try store.recordNotification(notification))
        #expect(try store.recordNotification(notification) == false, "the same audit row of a source is recorded once")
        let messages = try queued(store)
        #expect(messages.count == 1)
        #expect(messages.first?.idempotencyKey.hasPrefix("team:ops/4711/webhook:") == true)
        #expect(messages.first?.notification.previousStatus == .open)
    }

    @Test func removingASubscriptionDropsItsMessages() throws {
        let store = try InquestStore.inMemory()
        let id = try #require(try store.addSubscription(webhook(kinds: [.created])).id)
        try store.createInvestigation(Investigation(title: "one"))
        try store.removeSubscription(id: id)
        #expect(try store.notificationDeliveries().isEmpty)
        #expect(throws: StoreError.self) { try store.removeSubscription(id: id) }
    }

    @Test func emailSettingsRoundTrip() throws {
        let store = try InquestStore.inMemory()
        let server = SMTPSettings(host: "mail.example", port: 2525, startTLS: .auto, from: "inquest@example", username: "u", passwordFile: "/p", caFile: "/ca.pem")
        let stored = try store.addSubscription(NotificationSubscription(owner: "", kinds: [.note, .resolved], channel: .email(address: "oncall@example", server: server)))
        let id = try #require(stored.id)
        let read = try #require(try store.subscription(id: id))
        #expect(read.channel == .email(address: "oncall@example", server: server))
        #expect(read.kinds == [.note, .resolved] && read.owner == store.audit.actor)
    }
}
