import InquestCore
@testable import InquestRender
import InquestViewModel
import Testing

/// The `H` feed-health overlay at the standard sizes: a running feed, one with an open
/// circuit whose error text carries terminal escapes (sanitised), a stale one, one waiting.
@Suite struct SnapshotHealthOverlayTests {
    static func state(width: Int, height: Int) -> CanvasState {
        var state = SnapshotFixture.state(width: width, height: height)
        let now = Timestamp(seconds: 1_795_000_000)
        state.now = now
        func ago(_ seconds: Int64) -> Timestamp { Timestamp(nanoseconds: now.nanoseconds - seconds * 1_000_000_000) }
        state.healthOverlay = HealthOverlayState(rows: [
            FeedHealth(feed: "app-logs", kind: "file", state: .running, owner: "web1:4242:9f", lastSuccess: ago(0), lag: 2048,
                       lagUnit: "bytes", eventsPerSecond: 1520, eventsTotal: 1_250_000, deadLetterCount: 3, updatedAt: ago(1)),
            FeedHealth(feed: "node-exporter", kind: "prometheus-scrape", state: .circuitOpen, owner: "web1:4242:9f",
                       lastSuccess: ago(600), lag: 600, lagUnit: "seconds", errorCount: 5,
                       lastError: "connect to 127.0.0.1:9100 refused\u{1B}[31m (is the exporter up?)", circuit: "open", updatedAt: ago(1)),
            FeedHealth(feed: "repo", kind: "git", state: .running, owner: "web2:77:ab", lastSuccess: ago(3700), eventsTotal: 812,
                       updatedAt: ago(95)),
            FeedHealth(feed: "junit", kind: "document", state: .waitingForLease, owner: "web3:12:cd", updatedAt: ago(2)),
        ])
        return state
    }

    @Test(arguments: SnapshotCanvasTests.sizes)
    func healthOverlay(width: Int, height: Int) throws {
        let state = Self.state(width: width, height: height)
        let buffer = CanvasRenderer.render(state, width: width, height: height)
        try Snapshot.assertMatches(buffer, named: "health-\(width)x\(height)")
        #expect(!buffer.textLines().joined().contains("\u{1B}"))
    }

    @Test func emptyAndLoadingStatesSaySo() {
        var state = SnapshotFixture.state(width: 120, height: 40)
        state.healthOverlay = HealthOverlayState()
        #expect(CanvasRenderer.render(state, width: 120, height: 40).textLines().joined().contains("Reading feed health…"))
        state.healthOverlay = HealthOverlayState(rows: [])
        #expect(CanvasRenderer.render(state, width: 120, height: 40).textLines().joined().contains("inquest watch --config FILE"))
    }

    @Test func troubledFeedsUseTheErrorRole() {
        let state = Self.state(width: 120, height: 40)
        let now = state.now
        let rows = state.healthOverlay?.rows ?? []
        #expect(rows.map { HealthOverlay.needsAttention($0, now: now) } == [false, true, true, false])
    }
}
