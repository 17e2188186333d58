import InquestCore
import InquestRender
import InquestViewModel
import Testing

/// Events at the ends of the time range, or centuries apart, draw in every time mode without
/// overflowing (issue 13: the density strip trapped on the span from 1700 to 2026).
@Suite struct ExtremeTimesRenderTests {
    @Test(arguments: [TimeDisplayMode.utc, .local, .relative])
    func eventsAtTheEndsOfTheRangeDraw(mode: TimeDisplayMode) {
        var state = SnapshotFixture.state(width: 120, height: 40)
        let times: [Timestamp] = [.earliest, Timestamp(seconds: -8_520_336_000), Timestamp(seconds: 1_795_000_000), .latest]
        state.timeline.rows = times.enumerated().map { index, time in
            EventSummary(id: Int64(index + 1), timestamp: time, sourceKind: .log, sourceName: "a", severity: .info, message: "m")
        }
        state.timeline.cursorID = 4
        state.timeline.timeMode = mode
        state.now = .earliest
        let width = state.layout?.densityWidth ?? 10
        state.density = DensityState(
            buckets: (0..<width).map { HistogramBucket(start: .earliest, total: $0, errors: 0) },
            zoom: 0, from: .earliest, to: .latest)

        let buffer = CanvasRenderer.render(state, width: 120, height: 40)

        #expect(buffer.textLines().count == 40)
    }

    @Test func relativeTimesCenturiesAgoAreNotSaturated() {
        // 1700-01-01 seen from 2026-11-20 is 119,392 days ago: more than Int64 nanoseconds span.
        var state = SnapshotFixture.state(width: 120, height: 40)
        state.now = Timestamp(seconds: 1_795_168_800)
        // Relative times count from the selected event: select one at that `now`.
        state.timeline.rows = [EventSummary(id: 1, timestamp: Timestamp(seconds: -8_520_336_000), sourceKind: .log,
                                            sourceName: "a", severity: .info, message: "m"),
                               EventSummary(id: 2, timestamp: state.now, sourceKind: .log, sourceName: "a", severity: .info, message: "n")]
        state.timeline.cursorID = 2
        state.timeline.timeMode = .relative

        let text = CanvasRenderer.render(state, width: 120, height: 40).textLines().joined(separator: "\n")

        #expect(text.contains("-119392d"), "\(text)")
    }
}
