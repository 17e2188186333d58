import InquestCanvas
import InquestCore
import InquestStore
import InquestViewModel
import Testing

/// `loadWindowAround` (keeping the reader's place after a filter change) against a real store:
/// half the window before the cursor, the rest from it on, with honest edge flags.
@Suite struct WindowAroundTests {
    static func around(_ executor: CanvasEffectExecutor, _ id: Int64, limit: Int, query: TimelineQuery = TimelineQuery()) throws -> CanvasEffectExecutorTests.Window? {
        let cursor = CanvasEffectExecutorTests.cursor(id)
        let actions = try executor.execute(.loadWindowAround(requestID: 4, query: query, centre: .event(cursor), limit: limit))
        guard actions.count == 1, case .windowLoaded(4, let rows, _, let reachedStart, let reachedEnd) = actions[0] else { return nil }
        return .init(ids: rows.map(\.id), reachedStart: reachedStart, reachedEnd: reachedEnd)
    }

    @Test func aWindowAroundAnEventHoldsItsNeighboursOnBothSides() throws {
        let executor = CanvasEffectExecutor(store: try CanvasStoreFixture.store(count: 100))
        #expect(try Self.around(executor, 50, limit: 6) == .init(ids: [47, 48, 49, 50, 51, 52], reachedStart: false, reachedEnd: false))
    }

    @Test func nearAnEndTheWindowSaysItReachedIt() throws {
        let executor = CanvasEffectExecutor(store: try CanvasStoreFixture.store(count: 10))
        #expect(try Self.around(executor, 2, limit: 6) == .init(ids: [1, 2, 3, 4, 5, 6], reachedStart: true, reachedEnd: false))
        #expect(try Self.around(executor, 9, limit: 6) == .init(ids: [6, 7, 8, 9, 10], reachedStart: false, reachedEnd: true))
    }

    @Test func aCursorTheQueryNoLongerMatchesGetsTheMatchesEitherSide() throws {
        let executor = CanvasEffectExecutor(store: try CanvasStoreFixture.store(count: 100))
        // Every 11th event is a timeout: around 50 (not one) are 44 and 55 on either side.
        let timeouts = TimelineQuery(filter: try Filter.parse("timeout"))
        #expect(try Self.around(executor, 50, limit: 4, query: timeouts) == .init(ids: [33, 44, 55, 66], reachedStart: false, reachedEnd: false))
    }

    @Test func aWindowAroundABareTimeHoldsTheEventsBeforeItThenTheFirstAtOrAfterIt() throws {
        // Given events three to a second (48, 49 and 50 share one), and a time between the 50th and the 51st
        let executor = CanvasEffectExecutor(store: try CanvasStoreFixture.store(count: 100))
        let between = Timestamp(nanoseconds: (CanvasStoreFixture.time(50).nanoseconds + CanvasStoreFixture.time(51).nanoseconds) / 2)

        // When a window of 6 is centred on that time, and on the 50th event's own time
        for (time, ids) in [(between, [48, 49, 50, 51, 52, 53]), (CanvasStoreFixture.time(50), [45, 46, 47, 48, 49, 50])] as [(Timestamp, [Int64])] {
            let actions = try executor.execute(.loadWindowAround(requestID: 5, query: TimelineQuery(), centre: .time(time), limit: 6))

            // Then half are before it and the rest start at the first event at or after it
            guard actions.count == 1, case .windowLoaded(5, let rows, let anchor, _, _) = actions[0] else {
                Issue.record("expected one window: \(actions)")
                continue
            }
            #expect(rows.map(\.id) == ids)
            #expect(anchor == .atOrAfter(time))
        }
    }
}
