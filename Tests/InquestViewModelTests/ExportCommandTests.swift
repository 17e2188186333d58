import InquestCore
import Testing
@testable import InquestViewModel

/// `:export FORMAT [PATH]` and citing events from the note editor.
@Suite struct ExportCommandTests {
    let env = Fixtures.environment

    @Test func exportNeedsACurrentInvestigation() {
        var state = Fixtures.loadedState()
        _ = state.press(.character(":"))
        _ = state.type("export md")
        var expected = state
        expected.prompt = nil
        expected.status = StatusMessage(.error, "Select an investigation to export (Investigations pane, or c to create one)")
        let effects = state.press(.enter)
        #expect(effects == [])
        #expect(state == expected)
    }

    @Test func exportWritesThroughAnEffectWithFormatAndPath() {
        var state = Fixtures.loadedState()
        state.investigations.selected = 1
        _ = state.press(.character(":"))
        _ = state.type("export PDF /tmp/report one.pdf")
        var expected = state
        expected.prompt = nil
        expected.status = StatusMessage(.info, "Exporting investigation #7 as pdf…")
        let effects = state.press(.enter)
        #expect(effects == [.exportInvestigation(investigationID: 7, format: "pdf", path: "/tmp/report one.pdf")])
        #expect(state == expected)
    }

    @Test func exportWithoutPathGoesNextToTheDatabaseAndReportsThePath() {
        var state = Fixtures.loadedState()
        state.investigations.selected = 1
        _ = state.press(.character("1"))
        #expect(state.press(.character("x")) == [.exportInvestigation(investigationID: 7, format: "md", path: nil)])
        var expected = state
        expected.status = StatusMessage(.info, "Exported to /data/exports/outage-7.md (+1 file)")
        let effects = reduce(&state, .exportFinished(investigationID: 7, paths: ["/data/exports/outage-7.md", "/data/exports/outage-7.density.svg"]), environment: env)
        #expect(effects == [])
        #expect(state == expected)
    }

    @Test func anUnknownFormatIsRefusedWithTheChoices() {
        var state = Fixtures.loadedState()
        state.investigations.selected = 1
        _ = state.press(.character(":"))
        _ = state.type("export docx")
        #expect(state.press(.enter) == [])
        #expect(state.status == StatusMessage(.error, "Say which format: :export md|json|html|pdf [PATH]"))
    }

    @Test func ctrlRInTheNoteEditorCitesTheSelectedEvent() {
        var state = Fixtures.loadedState()
        state.investigations.selected = 1
        _ = state.press(.character("a"))
        _ = state.type("caused by ")
        _ = state.press(.control("r"))
        _ = state.type(".")
        #expect(state.editor?.lines == ["caused by [[event:100]]."])
        #expect(state.status == nil)  // the typed "." replaced the "Cited" message
        let effects = state.press(.control("s"))
        #expect(effects == [.saveNote(NoteDraft(investigationID: 7, eventID: 100, body: "caused by [[event:100]]."))])
        #expect(EventCitation.citedEventIDs(in: "caused by [[event:100]].") == [100])
    }
}
