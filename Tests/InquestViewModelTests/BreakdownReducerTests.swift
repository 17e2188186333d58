import InquestCore
import Testing
@testable import InquestViewModel

@Suite struct BreakdownReducerTests {
    static let window = Fixtures.row(1).timestamp..<Timestamp(nanoseconds: Fixtures.row(100).timestamp.nanoseconds + 1)

    static func counts(_ services: [(String?, Int)], dimensions: [BreakdownDimension] = [.service]) -> BreakdownResult {
        var counts: [BreakdownKey: BreakdownCount] = [:]
        for (name, events) in services {
            counts[BreakdownKey(dimensions: dimensions, values: [name.map(BreakdownValue.text) ?? .missing])] = BreakdownCount(events: events)
        }
        return .counts(Breakdown(dimensions: dimensions, window: window, counts: counts, limit: 100))
    }

    /// Opens the overlay and delivers `result` for its load.
    static func opened(with result: BreakdownResult) -> CanvasState {
        var state = Fixtures.loadedState()
        _ = state.press(.character("b"))
        _ = reduce(&state, .breakdownLoaded(requestID: state.pending.breakdown ?? -1, result), environment: Fixtures.environment)
        return state
    }

    @Test func bOpensOverTheFilterAndTheWindowOnScreenAndLoadsAsAnEffect() throws {
        var state = Fixtures.loadedState()
        state.filterBar.applied = try Filter.parse("severity>=error")
        let query = state.query
        let effects = state.press(.character("b"))
        let requestID = try #require(state.pending.breakdown)
        #expect(effects == [.loadBreakdown(requestID: requestID, BreakdownRequest(query: query, mode: .counts, dimensions: [.service], window: Self.window))])
        #expect(state.breakdown == BreakdownOverlayState(mode: .counts, dimensions: [.service], window: Self.window, isLoading: true))

        let result = Self.counts([("api", 5), ("web", 2)])
        _ = reduce(&state, .breakdownLoaded(requestID: requestID, result), environment: Fixtures.environment)
        #expect(state.breakdown == BreakdownOverlayState(mode: .counts, dimensions: [.service], window: Self.window, result: result))
        #expect(state.pending.breakdown == nil)
    }

    @Test func aSupersededLoadIsIgnored() throws {
        var state = Fixtures.loadedState()
        _ = state.press(.character("b"))
        let first = try #require(state.pending.breakdown)
        _ = state.press(.tab)
        let second = try #require(state.pending.breakdown)
        #expect(first != second)
        _ = reduce(&state, .breakdownLoaded(requestID: first, Self.counts([("api", 1)])), environment: Fixtures.environment)
        #expect(state.breakdown?.result == nil && state.breakdown?.isLoading == true)
        let templates = Self.counts([("x", 3)], dimensions: [.template])
        _ = reduce(&state, .breakdownLoaded(requestID: second, templates), environment: Fixtures.environment)
        #expect(state.breakdown?.result == templates)
    }

    @Test func tabCyclesTheDimensionAndCAndTToggleTheModes() throws {
        var state = Self.opened(with: Self.counts([("api", 5)]))
        var seen: [[BreakdownDimension]] = []
        for _ in BreakdownDimension.standard.indices {
            let effects = state.press(.tab)
            let request = try #require(state.pending.breakdown)
            #expect(effects == [.loadBreakdown(requestID: request, BreakdownRequest(
                query: state.query, mode: .counts, dimensions: state.breakdown?.dimensions ?? [], window: Self.window))])
            seen.append(state.breakdown?.dimensions ?? [])
        }
        #expect(seen == [[.template], [.severity], [.host], [.source], [.sourceName], [.service]])
        _ = state.press(.backTab)
        #expect(state.breakdown?.dimensions == [.sourceName])

        _ = state.press(.character("c"))
        #expect(state.breakdown?.mode == .compare)
        _ = state.press(.character("c"))
        #expect(state.breakdown?.mode == .counts)
        let effects = state.press(.character("t"))
        #expect(state.breakdown?.mode == .traces)
        #expect(effects.count == 1)
    }

    @Test func enterNarrowsTheFilterToTheSelectedRowAndCloses() {
        var state = Self.opened(with: Self.counts([("api", 5), ("web", 2), (nil, 1)]))
        _ = state.press(.character("j"))
        let effects = state.press(.enter)
        #expect(state.breakdown == nil)
        #expect(state.filterBar.applied.text == #"service:"web""#)
        // The timeline reloads for the new filter (around the selected event when there is one).
        #expect(effects.contains {
            switch $0 {
            case .loadWindow, .loadWindowAround: true
            default: false
            }
        })

        // The row without a service narrows to the events without one, ANDed with the filter.
        var again = Self.opened(with: Self.counts([("api", 5), (nil, 1)]))
        _ = again.press(.character("G"))
        _ = again.press(.enter)
        #expect(again.filterBar.applied.text == #"-service:*"#)
    }

    @Test func theFilterKeepsWhatWasTypedAndTheRowIsANDedToIt() {
        var state = Fixtures.loadedState()
        state.filterBar.applied = (try? Filter.parse("timeout OR refused")) ?? .everything
        _ = state.press(.character("b"))
        _ = reduce(&state, .breakdownLoaded(requestID: state.pending.breakdown ?? -1, Self.counts([("api", 5)])), environment: Fixtures.environment)
        _ = state.press(.enter)
        #expect(state.filterBar.applied.text == #"(timeout OR refused) service:"api""#)
    }

    @Test func movementStaysInTheRowsAndKeysNeverReachTheTimeline() {
        var state = Self.opened(with: Self.counts([("a", 3), ("b", 2), ("c", 1)]))
        let timeline = state.timeline
        _ = state.press(.character("j"), .character("j"), .character("j"), .character("j"))
        #expect(state.breakdown?.selected == 2)
        _ = state.press(.character("k"))
        #expect(state.breakdown?.selected == 1)
        _ = state.press(.character("g"))
        #expect(state.breakdown?.selected == 0)
        #expect(state.timeline == timeline)
        #expect(state.press(.character("/")) == [])
        #expect(!state.filterBar.isOpen)
    }

    @Test func escapeOrBCloseAndDropThePendingLoad() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("b"))
        _ = state.press(.escape)
        #expect(state.breakdown == nil && state.pending.breakdown == nil)
        _ = state.press(.character("b"), .character("b"))
        #expect(state.breakdown == nil)
    }

    @Test func thePromptTakesDimensions() {
        var state = Fixtures.loadedState()
        _ = state.press(.character(":"))
        _ = state.type("breakdown service,attr:status")
        _ = state.press(.enter)
        #expect(state.breakdown?.dimensions == [.service, .attribute("status")])
        var bad = Fixtures.loadedState()
        _ = bad.press(.character(":"))
        _ = bad.type("breakdown service,,")
        _ = bad.press(.enter)
        #expect(bad.breakdown == nil && bad.status?.kind == .error)
    }

    @Test func withNoEventsInViewThereIsNothingToLoad() {
        var state = CanvasState()
        let effects = state.press(.character("b"))
        #expect(effects == [])
        #expect(state.breakdown == BreakdownOverlayState(window: nil))
    }
}
