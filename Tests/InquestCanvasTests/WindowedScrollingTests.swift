import InquestTestSupport
import InquestCore
@testable import InquestViewModel
import Testing

/// Long walks through a real (in-memory) store of thousands of events: the window stays small,
/// the cursor never skips or repeats an event, and no key order breaks the invariants.
@Suite struct WindowedScrollingTests {
    @Test func walkingDownFromTheOldestVisitsEveryEventOnceInOrder() throws {
        let store = try CanvasStoreFixture.store(count: 2_000)
        var driver = try StoreDriver(store: store)
        try driver.press(.character("g"))
        var visited = [driver.state.timeline.cursorID]
        for _ in 1..<2_000 {
            try driver.press(.character("j"))
            visited.append(driver.state.timeline.cursorID)
            #expect(driver.state.timeline.rows.count <= CanvasReducer.windowCapacity(driver.state))
        }
        #expect(visited == (1...2_000).map { Optional(Int64($0)) })
        try driver.press(.character("j"))
        #expect(driver.state.timeline.cursorID == 2_000)
    }

    @Test func pagingUpFromTheNewestReachesTheOldest() throws {
        let store = try CanvasStoreFixture.store(count: 5_000)
        var driver = try StoreDriver(store: store, width: 120, height: 40)
        #expect(driver.state.timeline.cursorID == 5_000)
        let page = driver.state.timelinePageSize
        for step in 1...(5_000 / page) {
            try driver.press(.pageUp)
            #expect(driver.state.timeline.cursorID == Int64(max(1, 5_000 - step * page)))
        }
        try driver.press(.pageUp)
        #expect(driver.state.timeline.cursorID == 1)
        #expect(driver.state.timeline.reachedStart)
    }

    @Test func nextErrorWalksTheErrorsAcrossWindows() throws {
        let store = try CanvasStoreFixture.store(count: 3_000)
        var driver = try StoreDriver(store: store)
        try driver.press(.character("g"))
        var errors: [Int64] = []
        for _ in 0..<40 {
            try driver.press(.character("e"))
            errors.append(driver.state.timeline.cursorID ?? -1)
        }
        #expect(errors == (1...40).map { Int64($0 * 7) })
    }

    @Test func aTypedFilterIsQueriedAndNextMatchWalksItsWords() throws {
        let store = try CanvasStoreFixture.store(count: 1_000)
        var driver = try StoreDriver(store: store)
        try driver.press(.character("/"))
        for character in "timeout OR severity>=error" { try driver.press(.character(character)) }
        try driver.press(.enter)
        // Every 7th event is an error and every 11th a timeout.
        let shown = (1...1_000).filter { $0 % 7 == 0 || $0 % 11 == 0 }
        #expect(driver.state.timeline.totalCount == shown.count)
        try driver.press(.character("g"))
        #expect(driver.state.timeline.cursorID == 7)
        var matches: [Int64] = []
        for _ in 0..<30 {
            try driver.press(.character("n"))
            matches.append(driver.state.timeline.cursorID ?? -1)
        }
        #expect(matches == (1...30).map { Int64($0 * 11) })
    }

    @Test(arguments: [1, 42, 2026] as [UInt64])
    func randomKeysWithLateAndReorderedAnswersKeepTheInvariants(seed: UInt64) throws {
        let store = try CanvasStoreFixture.store(count: 1_000)
        var driver = try StoreDriver(store: store)
        var random = SeededRandom(seed: seed)
        let keys: [KeyPress] = [
            .character("j"), .character("k"), .pageDown, .pageUp, .control("d"), .control("u"), .character("g"),
            .character("G"), .character("e"), .character("E"), .character("n"), .character("N"), .character("F"),
            .character("z"), .character("Z"), .character("m"), .tab, .character("2"), .down, .up, .home, .end,
        ]
        for step in 0..<5_000 {
            if random.next() % 5 == 0 {
                _ = try driver.send(.terminalResized(width: 60 + Int(random.next() % 100), height: 15 + Int(random.next() % 40)))
            } else {
                _ = try driver.send(.keyPressed(keys[Int(random.next() % UInt64(keys.count))]))
            }
            if step % 50 == 0 { _ = try driver.send(.storeChanged) }
            // Deliver some answers late and out of order; stale ones must be ignored.
            while !driver.inFlight.isEmpty, random.next() % 3 != 0 {
                let index = Int(random.next() % UInt64(driver.inFlight.count))
                _ = try driver.send(driver.inFlight.remove(at: index))
            }
            let timeline = driver.state.timeline
            let ids = timeline.rows.map(\.id)
            #expect(zip(ids, ids.dropFirst()).allSatisfy { $0 < $1 }, "rows ascending at step \(step)")
            // Bounded by the current screen while the timeline shows, else by the largest one.
            let bound = driver.state.layout?.timeline != nil ? CanvasReducer.windowCapacity(driver.state) + CanvasReducer.loadPage(driver.state) : 3 * 60
            #expect(timeline.rows.count <= bound, "window bounded at step \(step)")
            if let cursorID = timeline.cursorID, !timeline.rows.isEmpty {
                #expect(ids.contains(cursorID), "cursor in the window at step \(step)")
            }
            #expect(timeline.top >= 0 && (timeline.rows.isEmpty || timeline.top < timeline.rows.count), "top in range at step \(step)")
        }
    }
}
