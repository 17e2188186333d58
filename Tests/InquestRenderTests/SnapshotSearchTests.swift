import InquestCore
@testable import InquestRender
import InquestViewModel
import Testing

/// Issue 17 items 5 and 7: the `Ctrl-S` search prompt over highlighted regex matches, and the
/// candidates of `Tab` at the `:` prompt on the status line.
@Suite struct SnapshotSearchTests {
    @Test(arguments: [(80, 24), (120, 40), (40, 12)])
    func searchPromptHighlightsRegexMatches(width: Int, height: Int) throws {
        var state = SnapshotFixture.state(width: width, height: height)
        state.timeline.search = try TimelineSearch("/\\d+ms/")
        state.prompt = PromptState(kind: .search, field: TextField("/\\d+ms/"))
        let buffer = CanvasRenderer.render(state, width: width, height: height)
        try Snapshot.assertMatches(buffer, named: "search-\(width)x\(height)")
        let text = buffer.textLines().joined(separator: "\n")
        #expect(text.contains("search: /\\d+ms/"))
        // `12ms` in `GET /cart 200 12ms` carries the match role, `200 ` does not (the narrow
        // layout cuts the message before it).
        guard width >= 80 else { return }
        let lines = buffer.textLines()
        let y = try #require(lines.firstIndex { $0.contains("GET /cart 200 12ms") })
        let x = try #require(lines[y].range(of: "12ms").map { lines[y].distance(from: lines[y].startIndex, to: $0.lowerBound) })
        #expect(buffer[x, y].role == StyleRole.matchHighlight)
        #expect(buffer[x - 2, y].role != StyleRole.matchHighlight)
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func completionCandidatesShowOnTheStatusLine(width: Int, height: Int) throws {
        var state = SnapshotFixture.state(width: width, height: height)
        state.filterBar.savedViews = [SavedView(name: "incident-a", filter: ""), SavedView(name: "incident-b", filter: "")]
        state.prompt = PromptState(kind: .command, field: TextField("view inc"))
        _ = reduce(&state, .keyPressed(.tab), environment: CanvasEnvironment(now: state.now, localOffsetSeconds: 0, userName: "e2e"))
        let buffer = CanvasRenderer.render(state, width: width, height: height)
        try Snapshot.assertMatches(buffer, named: "completion-\(width)x\(height)")
        let text = buffer.textLines().joined(separator: "\n")
        #expect(text.contains(":view incident-"))
        #expect(text.contains("Tab: incident-a · incident-b"))
    }
}
