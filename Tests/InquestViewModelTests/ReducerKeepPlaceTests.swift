import InquestCore
import Testing
@testable import InquestViewModel

/// Issue 17 item 1: a filter change keeps the reader's place — the same event when it still
/// matches, else the nearest one in time, centred on screen.
@Suite struct ReducerKeepPlaceTests {
    let env = Fixtures.environment

    /// The loaded fixture with the cursor moved up to event 60, away from both ends.
    func stateAtEvent60() -> CanvasState {
        var state = Fixtures.loadedState()
        state.timeline.cursorID = 60
        state.timeline.top = 55
        return state
    }

    @Test func clearingTheFilterAsksForTheEventsAroundTheSelectedOne() throws {
        var state = stateAtEvent60()
        state.filterBar.applied = try Filter.parse("sev:error")

        _ = state.press(.character("/"), .control("u"))
        let effects = state.press(.enter)

        let place = Fixtures.row(60).cursor
        #expect(effects.first == .loadWindowAround(requestID: 10, query: TimelineQuery(), centre: .event(place), limit: 60))
        #expect(state.pending.windowPurpose == .replace(.nearest(place)))
    }

    @Test func theSameEventStaysSelectedAndCentredWhenItStillMatches() {
        var state = stateAtEvent60()
        let effects = CanvasReducer.reloadKeepingPlace(&state)
        guard case .loadWindowAround(let requestID, _, _, _)? = effects.first else {
            Issue.record("expected a window around the cursor, got \(effects)")
            return
        }

        _ = reduce(&state, .windowLoaded(requestID: requestID, rows: Fixtures.rows(30...89), anchor: .newest, reachedStart: false, reachedEnd: false), environment: env)

        #expect(state.timeline.cursorID == 60)
        // 80×24 shows this many event rows; the cursor sits in the middle of them.
        let page = state.timelinePageSize
        #expect(state.timeline.cursorIndex.map { $0 - state.timeline.top } == page / 2)
    }

    @Test func theNearestEventInTimeIsSelectedWhenTheEventNoLongerMatches() {
        var state = stateAtEvent60()
        let effects = CanvasReducer.reloadKeepingPlace(&state)
        guard case .loadWindowAround(let requestID, _, _, _)? = effects.first else {
            Issue.record("expected a window around the cursor, got \(effects)")
            return
        }
        // Event 60 is filtered out; 58 is 2 s before it and 63 is 3 s after.
        let rows = [50, 55, 58, 63, 70].map { Fixtures.row($0) }

        _ = reduce(&state, .windowLoaded(requestID: requestID, rows: rows, anchor: .newest, reachedStart: true, reachedEnd: true), environment: env)

        #expect(state.timeline.cursorID == 58)
    }

    @Test func nearestPrefersTheLaterEventOnATieAndCopesWithEnds() {
        let rows = [10, 20, 30].map { Fixtures.row($0) }
        #expect(CanvasReducer.nearestIndex(in: rows, to: Fixtures.row(25).cursor) == 2)
        #expect(CanvasReducer.nearestIndex(in: rows, to: Fixtures.row(24).cursor) == 1)
        #expect(CanvasReducer.nearestIndex(in: rows, to: Fixtures.row(1).cursor) == 0)
        #expect(CanvasReducer.nearestIndex(in: rows, to: Fixtures.row(99).cursor) == 2)
        #expect(CanvasReducer.nearestIndex(in: rows, to: Fixtures.row(20).cursor) == 1)
        #expect(CanvasReducer.nearestIndex(in: [], to: Fixtures.row(20).cursor) == nil)
    }

    @Test func followingShowsTheNewestAfterAFilterChange() throws {
        var state = stateAtEvent60()
        state.timeline.follow = true
        _ = state.press(.character("/"))
        _ = state.type("timeout")
        let effects = state.press(.enter)
        #expect(effects.first == .recordFilter("timeout"))
        #expect(effects.dropFirst().first == .loadWindow(requestID: 10, query: TimelineQuery(filter: try Filter.parse("timeout")), anchor: .newest, limit: 60))
    }
}
