import InquestCore
import InquestRender
import InquestViewModel
import Testing

/// An event from a file with no recognisable time up to it shows no made-up time (issue 14).
@Suite struct UnknownTimeRenderTests {
    @Test(arguments: [TimeDisplayMode.utc, .local, .relative])
    func anEventWithAnUnknownTimeShowsNoClock(mode: TimeDisplayMode) {
        var state = SnapshotFixture.state(width: 120, height: 40)
        state.now = Timestamp(seconds: 1_795_168_800)
        state.timeline.rows = [
            EventSummary(id: 1, timestamp: Timestamp(seconds: 1_795_168_000), isTimeUnknown: true, sourceKind: .log,
                         sourceName: "notes.txt", severity: .info, message: "first line without a time"),
            EventSummary(id: 2, timestamp: Timestamp(seconds: 1_795_168_000), sourceKind: .log,
                         sourceName: "app.log", severity: .info, message: "a timed line"),
        ]
        state.timeline.cursorID = 2
        state.timeline.timeMode = mode

        let lines = CanvasRenderer.render(state, width: 120, height: 40).textLines()
        let unknown = lines.first { $0.contains("first line without a time") } ?? ""
        let timed = lines.first { $0.contains("a timed line") } ?? ""

        #expect(unknown.contains("no time"), "\(unknown)")
        #expect(!timed.contains("no time"), "\(timed)")
    }
}
