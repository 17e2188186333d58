import InquestCore
import Testing
@testable import InquestViewModel

@Suite struct HealthOverlayReducerTests {
    let row = FeedHealth(feed: "app", kind: "file", state: .running, owner: "h:1:a", updatedAt: Timestamp(seconds: 1_795_000_000))

    @Test func hOpensTheOverlayAndLoadsTheRows() {
        var state = Fixtures.loadedState()
        let effects = state.press(.character("H"))
        let requestID = try? #require(state.pending.feedHealth)
        #expect(effects == [.loadFeedHealth(requestID: requestID ?? -1)])
        #expect(state.healthOverlay == HealthOverlayState())

        _ = reduce(&state, .feedHealthLoaded(requestID: requestID ?? -1, [row]), environment: Fixtures.environment)
        #expect(state.healthOverlay == HealthOverlayState(rows: [row]))
        #expect(state.pending.feedHealth == nil)
    }

    @Test func eachTickReloadsWhileOpenAndNeverWhenClosed() {
        var state = Fixtures.loadedState()
        #expect(reduce(&state, .tick(now: Fixtures.base), environment: Fixtures.environment) == [])
        _ = state.press(.character("H"))
        // A load is in flight: the tick does not stack another.
        #expect(reduce(&state, .tick(now: Fixtures.base), environment: Fixtures.environment) == [])
        let first = state.pending.feedHealth ?? -1
        _ = reduce(&state, .feedHealthLoaded(requestID: first, [row]), environment: Fixtures.environment)
        let effects = reduce(&state, .tick(now: Fixtures.base), environment: Fixtures.environment)
        #expect(effects == [.loadFeedHealth(requestID: state.pending.feedHealth ?? -2)])
    }

    @Test func staleResultsAreIgnoredAndEscapeOrHCloses() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("H"))
        _ = reduce(&state, .feedHealthLoaded(requestID: 9_999, [row]), environment: Fixtures.environment)
        #expect(state.healthOverlay?.rows == nil)
        _ = state.press(.escape)
        #expect(state.healthOverlay == nil)
        _ = state.press(.character("H"))
        _ = state.press(.character("H"))
        #expect(state.healthOverlay == nil)
        #expect(state.pending.feedHealth == nil)
    }

    @Test func keysGoToTheOverlayNotTheTimeline() {
        var state = Fixtures.loadedState()
        let timeline = state.timeline
        _ = state.press(.character("H"))
        _ = reduce(&state, .feedHealthLoaded(requestID: state.pending.feedHealth ?? -1, [row, row]), environment: Fixtures.environment)
        _ = state.press(.character("j"))
        #expect(state.healthOverlay?.scroll == 1)
        #expect(state.timeline == timeline)
        #expect(state.press(.character("/")) == [])
        #expect(!state.filterBar.isOpen)
    }
}
