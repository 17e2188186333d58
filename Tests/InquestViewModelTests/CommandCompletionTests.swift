import InquestCore
import Testing
@testable import InquestViewModel

@Suite struct CommandCompletionTests {
    private func prompt(_ text: String, _ state: inout CanvasState) {
        _ = state.press(.character(":"))
        _ = state.type(text)
    }

    @Test func aSingleCandidateCompletesWithASpace() {
        var state = Fixtures.loadedState()
        prompt("expo", &state)
        _ = state.press(.tab)
        #expect(state.prompt?.field.text == "export ")
    }

    @Test func argumentsCompleteAndRepeatedTabCyclesThroughThem() {
        var state = Fixtures.loadedState()
        state.filterBar.savedViews = [SavedView(name: "incident-a", filter: ""), SavedView(name: "incident-b", filter: ""), SavedView(name: "other", filter: "")]
        prompt("view inc", &state)
        _ = state.press(.tab)
        #expect(state.prompt?.field.text == "view incident-")
        #expect(state.status?.text == "Tab: incident-a · incident-b")
        _ = state.press(.tab)
        #expect(state.prompt?.field.text == "view incident-a")
        _ = state.press(.tab)
        #expect(state.prompt?.field.text == "view incident-b")
        #expect(state.status?.text == "Tab: incident-a · [incident-b]")
        _ = state.press(.tab)
        #expect(state.prompt?.field.text == "view incident-a")
        _ = state.press(.backTab)
        #expect(state.prompt?.field.text == "view incident-b")
    }

    @Test func exportFormatsTagsAndYankTargetsComplete() {
        var state = Fixtures.loadedState()
        prompt("export ", &state)
        _ = state.press(.tab)
        #expect(state.prompt?.field.text == "export html")
        _ = state.press(.escape)

        state.filterBar.knownTags = ["root-cause", "suspect"]
        prompt("tag s", &state)
        _ = state.press(.tab)
        #expect(state.prompt?.field.text == "tag suspect ")
        _ = state.press(.escape)

        prompt("filter -tag:r", &state)
        _ = state.press(.tab)
        #expect(state.prompt?.field.text == "filter -tag:root-cause ")
        _ = state.press(.escape)

        prompt("yank r", &state)
        _ = state.press(.tab)
        #expect(state.prompt?.field.text == "yank raw ")
        _ = state.press(.escape)

        prompt("yank j", &state)
        _ = state.press(.tab)
        #expect(state.prompt?.field.text == "yank json ")
        _ = state.press(.escape)

        state.theme = ThemeChoice(current: "dark", available: ["dark", "high-contrast", "light", "monochrome"])
        prompt("theme h", &state)
        _ = state.press(.tab)
        #expect(state.prompt?.field.text == "theme high-contrast ")
    }

    @Test func typingEndsTheCycleAndNothingToCompleteSaysSo() {
        var state = Fixtures.loadedState()
        prompt("quit now", &state)
        _ = state.press(.tab)
        #expect(state.prompt?.field.text == "quit now")
        #expect(state.status?.text == "Nothing to complete here")
        _ = state.press(.escape)

        prompt("vi", &state)
        _ = state.press(.tab)
        #expect(state.prompt?.field.text == "view")
        #expect(state.prompt?.completion != nil)
        _ = state.type("s")
        #expect(state.prompt?.completion == nil)
        _ = state.press(.tab)
        #expect(state.prompt?.field.text == "views ")
    }

    @Test func commandNamesIncludeAliases() {
        #expect(CommandCompletion.commandNames.contains("save"))
        #expect(CommandCompletion.commandNames.contains("view.open"))
        #expect(CommandCompletion.commonPrefix(["incident-a", "incident-b"]) == "incident-")
    }
}
