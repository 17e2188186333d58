import InquestCore
import InquestStore
import Testing
@testable import InquestWatch

@Suite struct FeedSupervisorTests {
    func policy(leases: Bool = false) -> SupervisorPolicy {
        SupervisorPolicy(
            backoff: BackoffPolicy(base: .seconds(1), cap: .seconds(1)), failureThreshold: 3, coolDown: .seconds(60),
            usesLeases: leases, leaseTTL: .seconds(10), leaseRenewal: .seconds(3), leaseRetry: .seconds(1),
            healthInterval: .seconds(1))
    }

    @Test func deadFeedOpensItsBreakerAfterThreeFailuresAndProbesAfterTheCoolDown() async throws {
        let store = try InquestStore.inMemory()
        let clock = ManualClock()
        let supervisor = FeedSupervisor(feeds: [DeadFeed(name: "scrape")], store: store, owner: "test", policy: policy(), clock: clock, random: SeededRandom(seed: 1))
        let task = Task { await supervisor.run() }
        defer { task.cancel() }

        // When: one-second steps until the breaker is open.
        var opened = false
        for _ in 0..<20 where !opened {
            _ = await eventually { clock.sleeperCount >= 2 }
            supervisor.writeHealth()
            opened = supervisor.health.first?.state == .circuitOpen
            if !opened { clock.advance(by: .seconds(1)) }
        }

        // Then: exactly the threshold's failures, the breaker open, the reason kept.
        let health = try #require(supervisor.health.first)
        #expect(opened)
        #expect(health.errorCount == 3)
        #expect(health.circuit == "open")
        #expect(health.lastError == "endpoint refused the connection")
        #expect(try store.feedHealth().first?.state == .circuitOpen)

        // When the cool-down passes, one probe runs, fails, and the breaker re-opens.
        clock.advance(by: .seconds(60))
        #expect(await eventually {
            supervisor.writeHealth()
            return supervisor.health.first?.errorCount == 4 && supervisor.health.first?.state == .circuitOpen
        })
    }

    @Test func flakyFeedIsRestartedWithBackoffAndThenStores() async throws {
        let store = try InquestStore.inMemory()
        let clock = ManualClock()
        let feed = FlakyFeed(name: "flaky", failures: 2)
        let supervisor = FeedSupervisor(feeds: [feed], store: store, owner: "test", policy: policy(), clock: clock, random: SeededRandom(seed: 2))
        let task = Task { await supervisor.run() }
        defer { task.cancel() }

        var stored = 0
        for _ in 0..<40 where stored < 3 {
            _ = await eventually { clock.sleeperCount >= 2 }
            stored = try store.stats().totalEvents
            clock.advance(by: .milliseconds(500))
        }

        supervisor.writeHealth()
        let health = try #require(supervisor.health.first)
        #expect(stored >= 3)
        #expect(health.errorCount == 2)
        #expect(health.state == .running)
        #expect(health.circuit == "closed")
        #expect(feed.runs.count.withLock { $0 } == 3)
        #expect(try store.checkpoint(key: "test:flaky") != nil)
    }

    @Test func cancellingStopsEveryFeedAndMarksThemStopped() async throws {
        let store = try InquestStore.inMemory()
        let clock = ManualClock()
        let supervisor = FeedSupervisor(
            feeds: [FlakyFeed(name: "a", failures: 0), FlakyFeed(name: "b", failures: 0)], store: store, owner: "test",
            policy: policy(leases: true), clock: clock)
        let task = Task { await supervisor.run() }
        #expect(await eventually { (try? store.stats().totalEvents) == 2 })

        task.cancel()
        await task.value

        #expect(try store.feedHealth().map(\.state) == [.stopped, .stopped])
        #expect(try store.leaseHolder(feed: "a") == nil)
    }

    @Test func aConfigErrorFailsTheFeedOnceWithoutRetriesWhileOthersRun() async throws {
        let store = try InquestStore.inMemory()
        let clock = ManualClock()
        let supervisor = FeedSupervisor(
            feeds: [MisconfiguredFeed(name: "bad"), FlakyFeed(name: "good", failures: 0)], store: store, owner: "test",
            policy: policy(), clock: clock)
        let task = Task { await supervisor.run() }
        #expect(await eventually {
            supervisor.writeHealth()
            return supervisor.health.first { $0.feed == "bad" }?.state == .failed
        })
        clock.advance(by: .seconds(120))
        // The good feed's sleep may start after that advance (it then waits from the advanced
        // time, and CI once waited in vain): nudge the clock until it stores again.
        #expect(await eventually {
            if (try? store.stats().totalEvents) ?? 0 >= 2 { return true }
            clock.advance(by: .milliseconds(100))
            return false
        })
        supervisor.writeHealth()
        let bad = try #require(supervisor.health.first { $0.feed == "bad" })
        #expect(bad.errorCount == 1)
        #expect(bad.lastError?.hasPrefix("watch.yaml:7: feeds[1].query: empty PromQL") == true)
        task.cancel()
        await task.value
        #expect(try store.feedHealth().map(\.state) == [.failed, .stopped])
    }
}
