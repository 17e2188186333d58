import InquestCore
@testable import InquestRender
import InquestViewModel
import Testing

/// The details pane with the selected event's trace as a span tree (golden files).
@Suite struct SnapshotTraceTreeTests {
    /// A checkout trace: gateway → payments → (db, bank); the bank call failed, the selected
    /// event is the payments span.
    static var trace: TraceTree {
        let ms: Int64 = 1_000_000
        return TraceTree(
            traceID: "4bf92f3577b34da6a3ce929d0e0e4736",
            lines: [
                TraceTree.Line(depth: 0, spanID: "a1", service: "gateway", operation: "POST /checkout", offset: 0, duration: 3_200 * ms, isError: false),
                TraceTree.Line(depth: 1, spanID: "b2", service: "payments", operation: "charge card", offset: 40 * ms, duration: 3_100 * ms, isError: false),
                TraceTree.Line(depth: 2, spanID: "c3", service: "postgres", operation: "SELECT account", offset: 60 * ms, duration: 12 * ms, isError: false),
                TraceTree.Line(depth: 2, spanID: "d4", service: "bank-api", operation: "POST /v2/authorizations/\u{1B}[31mx", offset: 100 * ms, duration: 3_000 * ms, isError: true),
                TraceTree.Line(depth: 1, spanID: "e5", service: "gateway", operation: "render receipt 領収書", offset: 3_150 * ms, duration: 400_000, isError: false),
            ],
            selectedSpanID: "b2")
    }

    @Test(arguments: [(120, 40), (80, 24)])
    func detailsShowTheSpanTreeOfTheSelectedEventsTrace(width: Int, height: Int) throws {
        var state = SnapshotFixture.state(width: width, height: height, focus: .details, maximised: true)
        state.details.detail?.trace = Self.trace
        let buffer = CanvasRenderer.render(state, width: width, height: height)
        try Snapshot.assertMatches(buffer, named: "trace-tree-\(width)x\(height)")
        #expect(!buffer.textLines().joined().contains("\u{1B}"))
    }

    @Test func theTreeLinesIndentByDepthMarkErrorsAndTheSelectedSpan() {
        let lines = TraceTreeLines.build(Self.trace).map { $0.map(\.text).joined() }
        #expect(lines[0] == "Trace 4bf92f3577b34da6a3ce929d0e0e4736 · 5 spans · 3200 ms · 1 failed")
        #expect(lines[1].hasPrefix("   POST /checkout"))
        #expect(lines[2].hasPrefix(" ▶   charge card"))
        #expect(lines[4].hasPrefix(" ✗     POST /v2/"))
        #expect(lines[1].hasSuffix("================ 3200 ms"))
        #expect(lines[3].contains("=··············· 12.0 ms"))
        #expect(lines[5].contains("···············= 0.400 ms"))
    }
}
