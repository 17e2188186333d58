import InquestCore
import Testing
@testable import InquestViewModel

@Suite struct ReducerThemeTests {
    private func run(_ command: String, _ state: inout CanvasState) -> [CanvasEffect] {
        _ = state.press(.character(":"))
        _ = state.type(command)
        return state.press(.enter)
    }

    @Test func themeNameAsksTheRuntimeToSwitchAndItsAnswerIsShown() {
        var state = Fixtures.loadedState()
        state.theme = ThemeChoice(current: "dark", available: ["dark", "light"])
        #expect(run("theme light", &state) == [.switchTheme(name: "light")])
        #expect(state.theme.current == "dark", "nothing changes until the runtime has loaded it")

        _ = reduce(&state, .themeSwitched(name: "light"), environment: Fixtures.environment)
        #expect(state.theme == ThemeChoice(current: "light", available: ["dark", "light"]))
        #expect(state.status == StatusMessage(.info, "Theme light"))

        // A user's file added since the canvas started joins the list once it loaded.
        _ = reduce(&state, .themeSwitched(name: "mine"), environment: Fixtures.environment)
        #expect(state.theme.available == ["dark", "light", "mine"])
    }

    @Test func themeAloneListsTheThemesWithTheCurrentOneMarked() {
        var state = Fixtures.loadedState()
        state.theme = ThemeChoice(current: "light", available: ["dark", "light", "monochrome"])
        #expect(run("theme", &state) == [])
        #expect(state.status == StatusMessage(.info, "Themes (:theme NAME, Tab completes): dark · [light] · monochrome"))
    }
}
