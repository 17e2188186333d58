import InquestCore
import InquestRender
import InquestText
import InquestViewModel
import Testing

/// The renderer must draw any state at any size without trapping: odd sizes, overlays,
/// scroll offsets past the content, empty panes.
@Suite struct SnapshotRobustnessTests {
    @Test func anyStateAtAnySizeDrawsFullRows() {
        var seed: UInt64 = 0x1234_5678
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        for _ in 0..<60 {
            let width = 1 + next(220)
            let height = 1 + next(70)
            var state = SnapshotFixture.state(width: width, height: height, focus: Pane.allCases[next(4)], maximised: next(3) == 0)
            state.timeline.top = next(30)
            state.details.scroll = next(200)
            state.notes.selected = next(4)
            state.investigations.selected = next(5)
            if next(4) == 0 { state.timeline.rows = [] }
            if next(4) == 0 { state.details.detail = nil }
            if next(5) == 0 { state.notes.notes = [] }
            switch next(6) {
            case 0: state.help = HelpOverlayState(lines: HelpGenerator.lines(for: .defaults), scroll: next(500))
            case 1: state.editor = NoteEditorState(text: String(repeating: "支付 line\n", count: next(40)), investigationID: 7)
            case 2: state.form = InvestigationFormState(draft: InvestigationDraft(title: String(repeating: "🔥", count: next(80))))
            case 3: state.prompt = PromptState(kind: .command, field: TextField(String(repeating: "x", count: next(300))))
            case 4:
                state.filterBar.editing = TextField("a (b", caret: next(5))
                state.filterBar.problem = .unclosedParenthesis(column: next(10))
            default: break
            }
            let buffer = CanvasRenderer.render(state, width: width, height: height)
            var legend: [StyleRole: Character] = [:]
            #expect(buffer.roleLines(legend: &legend).allSatisfy { $0.count == width }, "\(width)x\(height)")
            #expect(buffer.textLines().allSatisfy { DisplayWidth.of($0) == width }, "\(width)x\(height)")
        }
    }
}
