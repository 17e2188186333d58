import InquestCore
import Testing
@testable import InquestViewModel

@Suite struct SeriesOverlayReducerTests {
    static let minute: Int64 = 60_000_000_000

    static func series(_ id: Int64, _ name: String, service: String?) -> MetricSeriesInfo {
        MetricSeriesInfo(
            id: id, name: name, labels: service.map { ["service": $0, "pod": $0 + "-7d97b69596-lmsfv"] } ?? [:],
            sampleCount: 10, first: Fixtures.base, last: Fixtures.base.advanced(saturating: 9 * minute))
    }

    static let list = [
        series(1, "cpu_usage", service: "cart"),
        series(2, "latency_p99_seconds", service: "cart"),
        series(3, "latency_p99_seconds", service: "payments"),
        series(4, "queue_depth", service: nil),
    ]

    /// The state after `M` and the list arriving.
    static func opened() -> CanvasState {
        var state = Fixtures.loadedState()
        state.density.from = Fixtures.base
        state.density.to = Fixtures.base.advanced(saturating: 60 * minute)
        _ = state.press(.character("M"))
        _ = reduce(&state, .seriesListLoaded(requestID: state.pending.seriesList ?? -1, list), environment: Fixtures.environment)
        return state
    }

    @Test func mOpensTheOverlayOverTheTimelinesRangeAndLoadsTheList() {
        var state = Fixtures.loadedState()
        state.density.from = Fixtures.base
        state.density.to = Fixtures.base.advanced(saturating: 60 * Self.minute)
        let effects = state.press(.character("M"))
        let requestID = state.pending.seriesList ?? -1
        #expect(effects == [.loadSeriesList(requestID: requestID)])
        #expect(state.seriesOverlay == SeriesOverlayState(range: Fixtures.base..<Fixtures.base.advanced(saturating: 60 * Self.minute)))

        _ = reduce(&state, .seriesListLoaded(requestID: 9_999, Self.list), environment: Fixtures.environment)
        #expect(state.seriesOverlay?.all == nil)
        _ = reduce(&state, .seriesListLoaded(requestID: requestID, Self.list), environment: Fixtures.environment)
        #expect(state.seriesOverlay?.all == Self.list)
        #expect(state.pending.seriesList == nil)
    }

    @Test func typingFiltersByNameLabelOrServiceAndKeepsTheSelectionInTheMatches() {
        var state = Self.opened()
        _ = state.press(.down, .down, .down)
        #expect(state.seriesOverlay?.selected == 3)
        _ = state.type("p99 payments")
        #expect(state.seriesOverlay?.matches.map(\.id) == [3])
        #expect(state.seriesOverlay?.selected == 0)
        _ = state.press(.down)
        #expect(state.seriesOverlay?.selected == 0)
        _ = state.press(.backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace, .backspace)
        #expect(state.seriesOverlay?.query.text == "p99")
        #expect(state.seriesOverlay?.matches.map(\.id) == [2, 3])
        // Keys typed into the filter never reach the timeline.
        #expect(!state.filterBar.isOpen)
    }

    @Test func enterChartsTheSelectedSeriesOverTheRangeAndEscapeGoesBackThenCloses() {
        var state = Self.opened()
        _ = state.type("latency")
        _ = state.press(.down)
        let effects = state.press(.enter)
        let range = Fixtures.base..<Fixtures.base.advanced(saturating: 60 * Self.minute)
        let requestID = state.pending.seriesChart ?? -1
        #expect(effects == [.loadSeriesExcerpt(requestID: requestID, series: Self.list[2], range: range)])
        #expect(state.seriesOverlay?.chartedID == 3)

        let excerpt = MetricSeriesExcerpt(series: Self.list[2], range: range, samples: [StoredSample(timestamp: Fixtures.base, value: 1)])
        _ = reduce(&state, .seriesExcerptLoaded(requestID: requestID + 100, excerpt), environment: Fixtures.environment)
        #expect(state.seriesOverlay?.chart == nil)
        _ = reduce(&state, .seriesExcerptLoaded(requestID: requestID, excerpt), environment: Fixtures.environment)
        #expect(state.seriesOverlay?.chart == excerpt)

        // Up charts the previous match.
        let previous = state.press(.up)
        #expect(previous == [.loadSeriesExcerpt(requestID: state.pending.seriesChart ?? -1, series: Self.list[1], range: range)])
        #expect(state.seriesOverlay?.chart == nil)

        _ = state.press(.escape)
        #expect(state.seriesOverlay?.chartedID == nil)
        #expect(state.seriesOverlay?.query.text == "latency")
        #expect(state.pending.seriesChart == nil)
        _ = state.press(.escape)
        #expect(state.seriesOverlay == nil)
    }

    @Test func withoutATimelineRangeASeriesIsChartedOverItsOwnExtent() {
        var state = Fixtures.loadedState()
        state.density = DensityState()
        state.timeline.oldest = nil
        state.timeline.newest = nil
        _ = state.press(.character("M"))
        _ = reduce(&state, .seriesListLoaded(requestID: state.pending.seriesList ?? -1, Self.list), environment: Fixtures.environment)
        let effects = state.press(.enter)
        let extent = Fixtures.base..<Fixtures.base.advanced(saturating: 9 * Self.minute + 1)
        #expect(effects == [.loadSeriesExcerpt(requestID: state.pending.seriesChart ?? -1, series: Self.list[0], range: extent)])
    }

    @Test func aTimelineRangeTooShortForALineIsWidenedAboutItsMiddle() {
        var state = Fixtures.loadedState()
        let middle = Fixtures.base.advanced(saturating: 30 * Self.minute)
        state.density.from = middle
        state.density.to = middle.advanced(saturating: 2)
        _ = state.press(.character("M"))
        _ = reduce(&state, .seriesListLoaded(requestID: state.pending.seriesList ?? -1, Self.list), environment: Fixtures.environment)
        let effects = state.press(.enter)
        // The series has a sample a minute: the chart spans 20 of them, centred where the timeline is.
        let widened = middle.advanced(saturating: 1 - 10 * Self.minute)..<middle.advanced(saturating: 1 + 10 * Self.minute)
        #expect(effects == [.loadSeriesExcerpt(requestID: state.pending.seriesChart ?? -1, series: Self.list[0], range: widened)])
    }

    @Test func enterWithNoMatchSaysSo() {
        var state = Self.opened()
        _ = state.type("nothing-like-this")
        #expect(state.press(.enter) == [])
        #expect(state.status?.kind == .error)
        #expect(state.seriesOverlay != nil)
    }
}
