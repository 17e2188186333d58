import InquestCore
import Testing
@testable import InquestViewModel

@Suite struct ReducerViewsTests {
    let env = Fixtures.environment

    @Test func applyingAFilterRecordsItInTheStoresHistory() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("/"))
        _ = state.type("sev:error")
        let effects = state.press(.enter)
        #expect(effects.first == .recordFilter("sev:error"))
        #expect(state.filterBar.history == ["sev:error"])
    }

    @Test func theStoresHistoryComesBeforeThisSessionsFilters() {
        var state = Fixtures.loadedState()
        state.filterBar.history = ["typed now"]
        let views = [SavedView(name: "b", filter: "x"), SavedView(name: "a", filter: "y")]
        _ = reduce(&state, .filterMemoryLoaded(history: ["old", "older", "typed now"], views: views, tags: ["suspect"]), environment: env)
        #expect(state.filterBar.history == ["old", "older", "typed now"])
        #expect(state.filterBar.savedViews.map(\.name) == ["a", "b"])
        #expect(state.filterBar.knownTags == ["suspect"])
        // ↑ in the filter bar recalls the newest first.
        _ = state.press(.character("/"), .up)
        #expect(state.filterBar.editing?.text == "typed now")
        _ = state.press(.up)
        #expect(state.filterBar.editing?.text == "older")
    }

    @Test func saveKeepsTheFilterScopeAndTimeMode() {
        var state = Fixtures.loadedState()
        state.investigations.selected = 1
        state.timeline.onlyLinked = true
        state.timeline.timeMode = .local
        _ = state.press(.character("/"))
        _ = state.type("service:api")
        _ = state.press(.enter, .character(":"))
        _ = state.type("save api-errors")
        let effects = state.press(.enter)

        let view = SavedView(name: "api-errors", filter: "service:api", linkedInvestigationID: 7, onlyOpened: false, timeMode: "local")
        #expect(effects == [.saveView(view)])
        #expect(state.filterBar.savedViews == [view])
        #expect(state.status?.text.hasPrefix("Saved view api-errors") == true)
    }

    @Test func viewBringsASavedViewBack() throws {
        var state = Fixtures.loadedState()
        state.filterBar.savedViews = [SavedView(name: "linked", filter: "sev>=warning", linkedInvestigationID: 7, timeMode: "relative")]
        _ = state.press(.character(":"))
        _ = state.type("view linked")
        let effects = state.press(.enter)

        #expect(state.filterBar.applied == (try Filter.parse("sev>=warning")))
        #expect(state.investigations.currentID == 7)
        #expect(state.timeline.onlyLinked)
        #expect(state.timeline.timeMode == .relative)
        #expect(effects.contains(.recordFilter("sev>=warning")))
        #expect(effects.contains { if case .loadWindowAround(_, let query, _, _) = $0 { query == state.query } else { false } })
    }

    @Test func unknownViewsAndDeletion() {
        var state = Fixtures.loadedState()
        state.filterBar.savedViews = [SavedView(name: "one", filter: "a")]
        _ = state.press(.character(":"))
        _ = state.type("view two")
        _ = state.press(.enter)
        #expect(state.status?.kind == .error)
        _ = state.press(.character(":"))
        _ = state.type("views")
        _ = state.press(.enter)
        #expect(state.status?.text == "Views (:view NAME, Tab completes): one")
        _ = state.press(.character(":"))
        _ = state.type("delete-view one")
        #expect(state.press(.enter) == [.deleteView(name: "one")])
        #expect(state.filterBar.savedViews.isEmpty)
    }
}
