import InquestCore
import Testing
@testable import InquestViewModel

@Suite struct ReducerTimelineTests {
    let env = Fixtures.environment

    @Test func startingAsksForInvestigationsTheNewestWindowAndTheCount() {
        var state = CanvasState()
        let effects = reduce(&state, .started, environment: env)

        var expected = CanvasState(now: env.now, localOffsetSeconds: 3_600)
        expected.pending = PendingRequests(window: 2, windowPurpose: .replace(.last), count: 3, investigations: 1)
        expected.nextRequestID = 4
        #expect(state == expected)
        #expect(effects == [
            .loadInvestigations(requestID: 1),
            .loadFilterMemory,
            .loadWindow(requestID: 2, query: TimelineQuery(), anchor: .newest, limit: 60),
            .loadCount(requestID: 3, query: TimelineQuery()),
        ])
    }

    @Test func firstWindowPutsTheCursorOnTheNewestEventAndLoadsItsDetail() {
        var state = CanvasState()
        _ = reduce(&state, .started, environment: env)
        var expected = state

        let effects = reduce(&state, .windowLoaded(requestID: 2, rows: Fixtures.rows(41...100), anchor: .newest, reachedStart: false, reachedEnd: true), environment: env)

        expected.timeline.rows = Fixtures.rows(41...100)
        expected.timeline.cursorID = 100
        expected.timeline.top = 50
        expected.timeline.reachedEnd = true
        expected.timeline.isLoading = false
        expected.pending.window = nil
        expected.pending.windowPurpose = nil
        expected.pending.detail = 4
        expected.nextRequestID = 5
        #expect(state == expected)
        #expect(effects == [.loadDetail(requestID: 4, eventID: 100)])
    }

    @Test func movingWithinTheWindowOnlyLoadsTheNewDetail() {
        var state = Fixtures.loadedState()
        var expected = state

        let effects = state.press(.character("k"))

        expected.timeline.cursorID = 99
        expected.pending.detail = 10
        expected.nextRequestID = 11
        #expect(state == expected)
        #expect(effects == [.loadDetail(requestID: 10, eventID: 99)])
    }

    @Test func nearingTheWindowsStartAsksForTheEventsBeforeIt() {
        var state = Fixtures.loadedState()
        state.timeline.cursorID = 51
        state.timeline.top = 10
        var expected = state

        let effects = state.press(.up)

        expected.timeline.cursorID = 50
        expected.timeline.top = 9
        expected.pending.window = 10
        expected.pending.windowPurpose = .extendBefore
        expected.pending.detail = 11
        expected.nextRequestID = 12
        #expect(state == expected)
        #expect(effects == [
            .loadWindow(requestID: 10, query: TimelineQuery(), anchor: .before(Fixtures.row(41).cursor), limit: 20),
            .loadDetail(requestID: 11, eventID: 50),
        ])
    }

    @Test func prependedRowsKeepTheCursorAndTrimTheFarEnd() {
        var state = Fixtures.loadedState()
        state.timeline.cursorID = 51
        state.timeline.top = 10
        _ = state.press(.up)
        var expected = state

        let effects = reduce(&state, .windowLoaded(requestID: 10, rows: Fixtures.rows(21...40), anchor: .before(Fixtures.row(41).cursor), reachedStart: false, reachedEnd: false), environment: env)

        expected.timeline.rows = Fixtures.rows(21...80)
        expected.timeline.top = 29
        expected.timeline.reachedEnd = false
        expected.pending.window = nil
        expected.pending.windowPurpose = nil
        #expect(state == expected)
        #expect(state.timeline.cursorRow?.id == 50)
        #expect(effects == [])
    }

    @Test func aStaleWindowIsIgnored() {
        var state = Fixtures.loadedState()
        state.pending.window = 12
        state.pending.windowPurpose = .extendAfter
        let expected = state

        let effects = reduce(&state, .windowLoaded(requestID: 11, rows: Fixtures.rows(1...5), anchor: .oldest, reachedStart: true, reachedEnd: false), environment: env)

        #expect(state == expected)
        #expect(effects == [])
    }

    @Test func reloadingAfterAStoreChangeKeepsTheCursorOnTheSameEventAndScreenRow() {
        var state = Fixtures.loadedState()
        state.timeline.cursorID = 95
        let storeEffects = reduce(&state, .storeChanged, environment: env)
        #expect(storeEffects == [
            .loadInvestigations(requestID: 10),
            .loadWindow(requestID: 11, query: TimelineQuery(), anchor: .after(EventCursor(timestamp: Fixtures.row(41).timestamp, id: 40)), limit: 60),
            .loadCount(requestID: 12, query: TimelineQuery()),
            .loadDetail(requestID: 13, eventID: 95),
        ])
        var expected = state

        let effects = reduce(&state, .windowLoaded(requestID: 11, rows: Fixtures.rows(41...100), anchor: .after(EventCursor(timestamp: Fixtures.row(41).timestamp, id: 40)), reachedStart: false, reachedEnd: false), environment: env)

        expected.timeline.reachedEnd = false
        expected.pending.window = 14
        expected.pending.windowPurpose = .extendAfter
        expected.nextRequestID = 15
        #expect(state == expected)
        #expect(state.timeline.cursorID == 95 && state.timeline.top == 50)
        #expect(effects == [.loadWindow(requestID: 14, query: TimelineQuery(), anchor: .after(Fixtures.row(100).cursor), limit: 20)])
    }

    @Test func followModeReloadsTheNewestOnStoreChange() {
        var state = Fixtures.loadedState()
        state.timeline.follow = true
        var expected = state

        let effects = reduce(&state, .storeChanged, environment: env)

        expected.density = DensityState()
        expected.pending = PendingRequests(window: 11, windowPurpose: .replace(.last), count: 12, investigations: 10, detail: 13)
        expected.nextRequestID = 14
        #expect(state == expected)
        #expect(effects == [
            .loadInvestigations(requestID: 10),
            .loadWindow(requestID: 11, query: TimelineQuery(), anchor: .newest, limit: 60),
            .loadCount(requestID: 12, query: TimelineQuery()),
            .loadDetail(requestID: 13, eventID: 100),
        ])
    }

    @Test func goingToTheOldestLoadsANewWindowWhenTheStartIsNotLoaded() {
        var state = Fixtures.loadedState()
        var expected = state

        let effects = state.press(.character("g"))

        expected.pending = PendingRequests(window: 10, windowPurpose: .replace(.first))
        expected.nextRequestID = 11
        #expect(state == expected)
        #expect(effects == [.loadWindow(requestID: 10, query: TimelineQuery(), anchor: .oldest, limit: 60)])
    }

    @Test func goingToTheNewestStaysLocalWhenTheEndIsLoaded() {
        var state = Fixtures.loadedState()
        state.timeline.cursorID = 60
        state.timeline.top = 19
        var expected = state

        let effects = state.press(.end)

        expected.timeline.cursorID = 100
        expected.timeline.top = 50
        expected.pending.detail = 10
        expected.nextRequestID = 11
        #expect(state == expected)
        #expect(effects == [.loadDetail(requestID: 10, eventID: 100)])
    }

    @Test func pageDownMovesTheCursorAndTheViewByAScreen() {
        var state = Fixtures.loadedState()
        state.timeline.cursorID = 61
        state.timeline.top = 20
        let effects = state.press(.pageDown)
        #expect(state.timeline.cursorID == 71)
        #expect(state.timeline.top == 30)
        #expect(effects == [.loadDetail(requestID: 10, eventID: 71)])
    }

    @Test func nextErrorAsksTheStoreForOneErrorAfterTheCursor() throws {
        var state = Fixtures.loadedState()
        state.filterBar.applied = try Filter.parse("service:api OR timeout")
        state.timeline.cursorID = 70
        state.timeline.top = 20
        let effects = state.press(.character("e"))
        let query = TimelineQuery(filter: try Filter.parse("service:api OR timeout"), scope: [.term(.severity(.greaterOrEqual, .error))])
        #expect(effects == [.loadWindow(requestID: 10, query: query, anchor: .after(Fixtures.row(70).cursor), limit: 1)])
        // The user's OR stays inside: the same expression as the filter typed with parentheses.
        #expect(query.expression == (try Filter.parse("(service:api OR timeout) severity>=error")).expression)
        #expect(state.pending.windowPurpose == .findError(forward: true))
    }

    @Test func anErrorInsideTheWindowMovesTheCursorThere() {
        var state = Fixtures.loadedState()
        state.timeline.cursorID = 70
        state.timeline.top = 20
        _ = state.press(.character("E"))
        let error = Fixtures.row(65, severity: .error)

        let effects = reduce(&state, .windowLoaded(requestID: 10, rows: [error], anchor: .before(Fixtures.row(70).cursor), reachedStart: false, reachedEnd: false), environment: env)

        #expect(state.timeline.cursorID == 65)
        #expect(state.pending.window == nil)
        #expect(effects == [.loadDetail(requestID: 11, eventID: 65)])
    }

    @Test func anErrorOutsideTheWindowReplacesTheWindowAroundIt() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("E"))
        let error = Fixtures.row(5, severity: .error)

        let effects = reduce(&state, .windowLoaded(requestID: 10, rows: [error], anchor: .before(Fixtures.row(100).cursor), reachedStart: false, reachedEnd: false), environment: env)

        // Read around the error, so it can sit mid-pane with what led up to it above.
        #expect(effects == [.loadWindowAround(requestID: 11, query: TimelineQuery(), centre: .event(error.cursor), limit: 60)])
        #expect(state.pending.windowPurpose == .replace(.nearest(error.cursor)))
    }

    @Test func noFurtherErrorSaysSo() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("e"))
        let effects = reduce(&state, .windowLoaded(requestID: 10, rows: [], anchor: .after(Fixtures.row(100).cursor), reachedStart: false, reachedEnd: true), environment: env)
        #expect(effects == [])
        #expect(state.status == StatusMessage(.info, "No error after the cursor"))
        #expect(state.timeline.cursorID == 100)
    }

    @Test func jumpingToATimeLoadsTheWindowAtOrAfterIt() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("@"))
        #expect(state.prompt == PromptState(kind: .jump))
        _ = state.type("-30s")
        let effects = state.press(.enter)
        let target = Timestamp(nanoseconds: Fixtures.row(70).timestamp.nanoseconds)
        #expect(effects == [.loadWindow(requestID: 10, query: TimelineQuery(), anchor: .atOrAfter(target), limit: 60)])
        #expect(state.prompt == nil)
        #expect(state.pending.windowPurpose == .replace(.first))
    }

    @Test func resizingRecomputesThePageAndReloadsTheDensityStrip() {
        var state = Fixtures.loadedState()
        var expected = state

        let effects = reduce(&state, .terminalResized(width: 120, height: 40), environment: env)

        let from = Fixtures.row(1).timestamp
        let to = Timestamp(nanoseconds: Fixtures.row(100).timestamp.nanoseconds + 1)
        expected.width = 120
        expected.height = 40
        expected.timeline.top = 42  // 18 event lines under the density strip and the time axis
        expected.pending.histogram = 10
        expected.nextRequestID = 11
        expected.details.width = 46  // the details lines are wrapped to the wider pane
        #expect(state == expected)
        #expect(effects == [.loadHistogram(requestID: 10, query: TimelineQuery(), from: from, to: to, buckets: 86)])
    }

    @Test func zoomingCentresTheDensityStripOnTheCursor() {
        var state = Fixtures.loadedState()
        let effects = state.press(.character("z"))
        let centre = Fixtures.row(100).timestamp.nanoseconds
        // The data spans 99 s: the first zoom goes to the 1-minute span, never out to a day.
        let span: Int64 = 60 * 1_000_000_000
        #expect(state.density.zoom == DensityState.spans.count - 1)
        #expect(effects == [.loadHistogram(requestID: 10, query: TimelineQuery(), from: Timestamp(nanoseconds: centre - span / 2), to: Timestamp(nanoseconds: centre + span / 2), buckets: 78)])
    }

    @Test func timeModeCyclesUTCLocalRelative() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("T"))
        #expect(state.timeline.timeMode == .local)
        _ = state.press(.character("T"))
        #expect(state.timeline.timeMode == .relative)
        _ = state.press(.character("T"))
        #expect(state.timeline.timeMode == .utc)
    }
}
