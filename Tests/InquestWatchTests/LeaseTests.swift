import Foundation
import InquestCore
import InquestStore
import Testing
@testable import InquestWatch

@Suite struct LeaseTests {
    let t0 = Timestamp(nanoseconds: 1_700_000_000_000_000_000)

    func at(_ seconds: Int64) -> Timestamp { Timestamp(nanoseconds: t0.nanoseconds + seconds * 1_000_000_000) }

    @Test func secondOwnerWaitsUntilTheLeaseExpiresThenTakesOver() throws {
        let store = try InquestStore.inMemory()
        #expect(try store.claimLease(feed: "app", owner: "a", now: at(0), ttl: .seconds(10)) == .acquired(expiresAt: at(10)))
        #expect(try store.claimLease(feed: "app", owner: "b", now: at(5), ttl: .seconds(10)) == .heldBy(owner: "a", expiresAt: at(10)))
        // Renewal by the holder extends it.
        #expect(try store.claimLease(feed: "app", owner: "a", now: at(6), ttl: .seconds(10)) == .acquired(expiresAt: at(16)))
        #expect(try store.claimLease(feed: "app", owner: "b", now: at(15), ttl: .seconds(10)) == .heldBy(owner: "a", expiresAt: at(16)))
        // a died: after expiry b takes over.
        #expect(try store.claimLease(feed: "app", owner: "b", now: at(16), ttl: .seconds(10)) == .acquired(expiresAt: at(26)))
        #expect(try store.leaseHolder(feed: "app")?.owner == "b")
    }

    @Test func batchOfAWatcherThatLostItsLeaseIsNotStored() throws {
        let store = try InquestStore.inMemory()
        _ = try store.claimLease(feed: "app", owner: "a", now: at(0), ttl: .seconds(10))
        _ = try store.claimLease(feed: "app", owner: "b", now: at(11), ttl: .seconds(10))
        let raw = Array("late line".utf8)
        let batch = EventBatch(
            events: [Event(timestamp: at(0), sourceKind: .log, sourceName: "app", severity: .info, message: "late line", raw: raw,
                           dedupeKey: DedupeKey(source: "app", raw: raw, offset: 0))],
            checkpoint: Checkpoint(key: "file:app", position: "9"))

        #expect(throws: StoreError.leaseNotHeld(feed: "app", holder: "b")) {
            try store.append(batch, feed: "app", leaseOwner: "a", now: at(12))
        }
        #expect(try store.stats().totalEvents == 0)
        #expect(try store.checkpoint(key: "file:app") == nil)
        // The holder's batch goes in.
        #expect(try store.append(batch, feed: "app", leaseOwner: "b", now: at(12)).inserted == 1)
    }

    @Test func twoSupervisorsRunAFeedOnlyOnceAndTheSecondTakesOverWhenTheFirstStops() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lease-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try InquestStore.open(path: directory.appendingPathComponent("inquest.db").path)
        let clock = ManualClock()
        let policy = SupervisorPolicy(leaseTTL: .seconds(10), leaseRenewal: .seconds(3), leaseRetry: .seconds(1), healthInterval: .seconds(1))
        let first = FeedSupervisor(feeds: [FlakyFeed(name: "shared", failures: 0, tag: "first")], store: store, owner: "first", policy: policy, clock: clock)
        let second = FeedSupervisor(feeds: [FlakyFeed(name: "shared", failures: 0, tag: "second")], store: store, owner: "second", policy: policy, clock: clock)
        let firstTask = Task { await first.run() }
        #expect(await eventually { (try? store.leaseHolder(feed: "shared"))?.owner == "first" })
        let secondTask = Task { await second.run() }
        defer { secondTask.cancel() }

        // While the first runs, the second only waits.
        for _ in 0..<10 {
            _ = await eventually { clock.sleeperCount >= 5 }
            clock.advance(by: .milliseconds(500))
        }
        second.writeHealth()
        #expect(second.health.first?.state == .waitingForLease)
        #expect(try store.leaseHolder(feed: "shared")?.owner == "first")
        #expect(try messages(store).allSatisfy { $0.hasPrefix("first") })

        // When the first stops, the second takes over within a retry interval.
        firstTask.cancel()
        await firstTask.value
        var tookOver = false
        for _ in 0..<20 where !tookOver {
            clock.advance(by: .milliseconds(500))
            tookOver = await eventually(attempts: 40) { (try? messages(store).contains { $0.hasPrefix("second") }) == true }
        }
        #expect(tookOver)
        #expect(try store.leaseHolder(feed: "shared")?.owner == "second")
    }

    private func messages(_ store: InquestStore) throws -> [String] {
        try store.window(.everything, anchor: .oldest, limit: 10_000).map(\.message)
    }
}
