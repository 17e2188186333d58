import InquestCore
import Testing
@testable import InquestViewModel

/// A store may hold events at the ends of the time range, or centuries apart (issue 13): loading
/// the density strip, zooming (`z`) and jumping (`g`/`G`) must not overflow the time spans.
@Suite struct ExtremeTimesTests {
    static let env = Fixtures.environment
    static let year1700 = Timestamp(seconds: -8_520_336_000)

    static func row(_ id: Int64, at time: Timestamp) -> EventSummary {
        EventSummary(id: id, timestamp: time, sourceKind: .log, sourceName: "app.log", severity: .info, service: "api", message: "e\(id)")
    }

    static func state(_ rows: [EventSummary], cursor: Int64) -> CanvasState {
        var state = Fixtures.loadedState()
        state.timeline = TimelineState(
            rows: rows, cursorID: cursor, top: 0, reachedStart: true, reachedEnd: true,
            totalCount: rows.count, oldest: rows.first?.timestamp, newest: rows.last?.timestamp, isLoading: false)
        return state
    }

    static func histogramRanges(_ effects: [CanvasEffect]) -> [(Timestamp, Timestamp)] {
        effects.compactMap { effect in
            if case .loadHistogram(_, _, let from, let to, _) = effect { return (from, to) }
            return nil
        }
    }

    @Test func eventsIn1700And2026LoadADensityStripWithinAHistogramsReach() throws {
        // Given events in 1700 and 2026
        var state = Self.state([Self.row(1, at: Self.year1700), Self.row(2, at: Fixtures.base)], cursor: 2)

        // When the canvas is resized (the strip is loaded for the whole range)
        let effects = reduce(&state, .terminalResized(width: 120, height: 40), environment: Self.env)

        // Then the range ends after the newest event and spans no more than Int64 nanoseconds
        let (from, to) = try #require(Self.histogramRanges(effects).first)
        #expect(to == Timestamp(nanoseconds: Fixtures.base.nanoseconds + 1))
        #expect(from > Self.year1700)
        #expect(!to.nanoseconds.subtractingReportingOverflow(from.nanoseconds).overflow)
    }

    @Test func anEventAtTheLastRepresentableInstantZoomsAndJumpsWithoutOverflow() {
        // Given an event at Int64.max nanoseconds next to one at the first instant
        var state = Self.state([Self.row(1, at: .earliest), Self.row(2, at: .latest)], cursor: 2)
        _ = reduce(&state, .terminalResized(width: 120, height: 40), environment: Self.env)

        // When every zoom level is tried and the cursor jumps to both ends
        var ranges: [(Timestamp, Timestamp)] = []
        for _ in DensityState.spans.indices { ranges += Self.histogramRanges(state.press(.character("z"))) }
        _ = state.press(.character("g"))
        _ = state.press(.character("G"))
        for _ in DensityState.spans.indices { ranges += Self.histogramRanges(state.press(.character("Z"))) }

        // Then every range is ordered, saturated at the ends instead of wrapped
        #expect(!ranges.isEmpty)
        for (from, to) in ranges { #expect(from <= to) }
    }

    @Test func jumpingToADateOutsideTheRepresentableRangeIsRefused() {
        #expect(throws: ViewModelError.self) { try TimeJump.parse("9999-12-31", reference: Fixtures.base, offsetSeconds: 0) }
        #expect(throws: ViewModelError.self) { try TimeJump.parse("2026-02-30", reference: Fixtures.base, offsetSeconds: 0) }
        #expect(throws: Never.self) { try TimeJump.parse("+10000w", reference: .latest, offsetSeconds: 0) }
    }
}
