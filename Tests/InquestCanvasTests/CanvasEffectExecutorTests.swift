import InquestCore
import InquestStore
import InquestViewModel
import Testing
import InquestCanvas

/// The effect executor against a real in-memory store: which rows a window returns and
/// whether it says it touches the start or the end, for every anchor; and queries carried
/// as values (filter plus scope nodes) reaching the store.
@Suite struct CanvasEffectExecutorTests {
    /// A window's ids and edge flags.
    struct Window: Equatable {
        var ids: [Int64]
        var reachedStart: Bool
        var reachedEnd: Bool
    }

    static func window(
        _ executor: CanvasEffectExecutor, _ anchor: WindowAnchor, limit: Int, query: TimelineQuery = TimelineQuery()
    ) throws -> Window? {
        let actions = try executor.execute(.loadWindow(requestID: 1, query: query, anchor: anchor, limit: limit))
        guard actions.count == 1, case .windowLoaded(1, let rows, anchor, let reachedStart, let reachedEnd) = actions[0] else { return nil }
        return Window(ids: rows.map(\.id), reachedStart: reachedStart, reachedEnd: reachedEnd)
    }

    static func cursor(_ id: Int64) -> EventCursor {
        EventCursor(timestamp: CanvasStoreFixture.time(id), id: id)
    }

    @Test func theOldestWindowTouchesTheStartAndTheEndOnlyWhenEverythingFits() throws {
        let executor = CanvasEffectExecutor(store: try CanvasStoreFixture.store(count: 10))
        #expect(try Self.window(executor, .oldest, limit: 4) == Window(ids: [1, 2, 3, 4], reachedStart: true, reachedEnd: false))
        #expect(try Self.window(executor, .oldest, limit: 10) == Window(ids: Array(1...10), reachedStart: true, reachedEnd: true))
    }

    @Test func theNewestWindowTouchesTheEndAndTheStartOnlyWhenEverythingFits() throws {
        let executor = CanvasEffectExecutor(store: try CanvasStoreFixture.store(count: 10))
        #expect(try Self.window(executor, .newest, limit: 4) == Window(ids: [7, 8, 9, 10], reachedStart: false, reachedEnd: true))
        #expect(try Self.window(executor, .newest, limit: 10) == Window(ids: Array(1...10), reachedStart: true, reachedEnd: true))
    }

    @Test func aWindowAfterACursorReachesTheEndWhenNoMoreRowsFollow() throws {
        let executor = CanvasEffectExecutor(store: try CanvasStoreFixture.store(count: 10))
        #expect(try Self.window(executor, .after(Self.cursor(6)), limit: 3) == Window(ids: [7, 8, 9], reachedStart: false, reachedEnd: false))
        #expect(try Self.window(executor, .after(Self.cursor(6)), limit: 4) == Window(ids: [7, 8, 9, 10], reachedStart: false, reachedEnd: true))
        #expect(try Self.window(executor, .after(Self.cursor(10)), limit: 4) == Window(ids: [], reachedStart: false, reachedEnd: true))
    }

    @Test func aWindowBeforeACursorReachesTheStartWhenNoMoreRowsPrecede() throws {
        let executor = CanvasEffectExecutor(store: try CanvasStoreFixture.store(count: 10))
        #expect(try Self.window(executor, .before(Self.cursor(5)), limit: 3) == Window(ids: [2, 3, 4], reachedStart: false, reachedEnd: false))
        #expect(try Self.window(executor, .before(Self.cursor(5)), limit: 4) == Window(ids: [1, 2, 3, 4], reachedStart: true, reachedEnd: false))
        #expect(try Self.window(executor, .before(Self.cursor(1)), limit: 4) == Window(ids: [], reachedStart: true, reachedEnd: false))
    }

    @Test func aWindowAtATimeStartsAtTheFirstEventOfThatTime() throws {
        let executor = CanvasEffectExecutor(store: try CanvasStoreFixture.store(count: 10))
        // Events 6, 7 and 8 share a second.
        let time = CanvasStoreFixture.time(7)
        #expect(try Self.window(executor, .atOrAfter(time), limit: 4) == Window(ids: [6, 7, 8, 9], reachedStart: false, reachedEnd: false))
        #expect(try Self.window(executor, .atOrAfter(time), limit: 5) == Window(ids: [6, 7, 8, 9, 10], reachedStart: false, reachedEnd: true))
    }

    @Test func theQueryScopeAndNarrowingReachTheStore() throws {
        let store = try CanvasStoreFixture.store(count: 200)
        let executor = CanvasEffectExecutor(store: store)
        let timeouts = TimelineQuery(filter: try Filter.parse("timeout"))
        // Every 11th event is a timeout, every 7th an error: 77 and 154 are both.
        let errors = timeouts.narrowed(by: .term(.severity(.greaterOrEqual, .error)))
        #expect(try Self.window(executor, .oldest, limit: 10, query: errors)?.ids == [77, 154])

        let investigation = try store.createInvestigation(Investigation(title: "outage"))
        let investigationID = try #require(investigation.id)
        for id: Int64 in [11, 12, 22] { _ = try store.link(eventID: id, toInvestigation: investigationID) }
        #expect(try Self.window(executor, .oldest, limit: 10, query: timeouts.linked(to: investigationID))?.ids == [11, 22])
        let count = try executor.execute(.loadCount(requestID: 2, query: timeouts.linked(to: investigationID)))
        #expect(count == [.countLoaded(requestID: 2, count: 2, oldest: CanvasStoreFixture.time(11), newest: CanvasStoreFixture.time(22))])
    }

    @Test func theHistogramCountsTheQuerysEventsAndErrors() throws {
        let executor = CanvasEffectExecutor(store: try CanvasStoreFixture.store(count: 30))
        let from = CanvasStoreFixture.time(0)
        let to = CanvasStoreFixture.time(30)
        let actions = try executor.execute(.loadHistogram(requestID: 3, query: TimelineQuery(filter: try Filter.parse("severity>=error")), from: from, to: to, buckets: 1))
        guard actions.count == 1, case .histogramLoaded(3, from, to, let buckets) = actions[0] else {
            Issue.record("expected one histogram, got \(actions)")
            return
        }
        // Errors are events 7, 14, 21 and 28.
        #expect(buckets.map(\.total) == [4])
        #expect(buckets.map(\.errors) == [4])
    }
}
