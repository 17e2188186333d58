import InquestCore
@testable import InquestRender
import InquestViewModel
import Testing

/// Issue 17 item 2: the context view — its title says what it shows and how to leave, and the
/// event it is about keeps a mark on its time.
@Suite struct SnapshotContextTests {
    @Test(arguments: [(80, 24), (120, 40), (40, 12)])
    func contextView(width: Int, height: Int) throws {
        var state = SnapshotFixture.state(width: width, height: height)
        let anchor = try #require(state.timeline.cursorRow)
        state.timeline.context = TimelineContext(anchor: anchor.cursor)
        state.filterBar.applied = .everything
        state.timeline.highlightTerms = []
        let buffer = CanvasRenderer.render(state, width: width, height: height)
        try Snapshot.assertMatches(buffer, named: "context-\(width)x\(height)")
        #expect(buffer.textLines().joined().contains("context ±5m of #1003"))
    }
}
