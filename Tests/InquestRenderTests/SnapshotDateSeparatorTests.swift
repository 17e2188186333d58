import InquestCore
@testable import InquestRender
import InquestViewModel
import Testing

/// Issue 17 item 4: a date separator row where the day changes; rows carry their date when the
/// screen spans days and the pane is wide enough (120×40), and only the separators tell the days
/// apart where it is not (80×24).
@Suite struct SnapshotDateSeparatorTests {
    /// The fixture with its first three events moved to 2016-03-04 (a Friday), as a store holding
    /// an old log beside today's incident shows them.
    static func twoDayState(width: Int, height: Int) -> CanvasState {
        var state = SnapshotFixture.state(width: width, height: height)
        let old = Timestamp(nanoseconds: 1_457_091_796_199_000_000) // 2016-03-04T11:43:16.199Z
        for index in 0..<3 {
            state.timeline.rows[index].timestamp = old.advanced(saturating: Int64(index) * 1_000_000_000)
        }
        state.timeline.oldest = old
        return state
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func separatorsMarkTheDayChange(width: Int, height: Int) throws {
        let state = Self.twoDayState(width: width, height: height)
        let buffer = CanvasRenderer.render(state, width: width, height: height)
        try Snapshot.assertMatches(buffer, named: "date-separators-\(width)x\(height)")
        let text = buffer.textLines().joined(separator: "\n")
        #expect(text.contains("2016-03-04 Fri"), "the old day's separator is drawn")
        #expect(text.contains("2026-11-18 Wed"), "the incident day's separator is drawn")
    }

    @Test func oneDayOnScreenHasNoSeparatorAndNoDates() {
        let state = SnapshotFixture.state(width: 120, height: 40)
        let text = CanvasRenderer.render(state, width: 120, height: 40).textLines().joined(separator: "\n")
        #expect(!text.contains("2026-11-18 Wed"))
        #expect(!text.contains("2026-11-18 11:06"))
    }
}
