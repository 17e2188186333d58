import InquestCore
import Testing
@testable import InquestViewModel

@Suite struct ReducerInteractionTests {
    let env = Fixtures.environment

    @Test func tabAndShiftTabCycleFocusAndDigitsJump() {
        var state = Fixtures.loadedState()
        _ = state.press(.tab)
        #expect(state.focus == .details)
        _ = state.press(.tab, .tab)
        #expect(state.focus == .investigations)
        _ = state.press(.backTab)
        #expect(state.focus == .notes)
        _ = state.press(.character("2"))
        #expect(state.focus == .timeline)
    }

    @Test func maximiseTogglesAndChangesThePage() {
        var state = Fixtures.loadedState()
        var expected = state
        let effects = state.press(.character("m"))
        expected.maximised = true
        expected.timeline.top = 42
        #expect(state == expected)
        #expect(state.timelinePageSize == 18, "20 rows inside the border: the density strip, the time axis and 18 events")
        // At 80 columns the Investigations are a header: the timeline is as wide either way, so
        // the density strip keeps its buckets.
        #expect(effects == [])
    }

    @Test func applyingAFilterReloadsTheTimelineAndRemembersIt() throws {
        var state = Fixtures.loadedState()
        _ = state.press(.character("/"))
        #expect(state.filterBar.editing == TextField(""))
        _ = state.type("timeout")
        var expected = state

        let effects = state.press(.enter)

        let query = TimelineQuery(filter: try Filter.parse("timeout"))
        expected.filterBar = FilterBarState(applied: try Filter.parse("timeout"), history: ["timeout"])
        expected.timeline.highlightTerms = ["timeout"]
        expected.density = DensityState()
        let place = Fixtures.row(100).cursor
        expected.pending = PendingRequests(window: 10, windowPurpose: .replace(.nearest(place)), count: 11)
        expected.nextRequestID = 12
        #expect(state == expected)
        #expect(effects == [.recordFilter("timeout"), .loadWindowAround(requestID: 10, query: query, centre: .event(place), limit: 60), .loadCount(requestID: 11, query: query)])
    }

    @Test func aBadFilterShowsTheColumnAndKeepsTheOldFilter() throws {
        var state = Fixtures.loadedState()
        state.filterBar.applied = try Filter.parse("service:api")
        _ = state.press(.character("/"), .control("u"))
        _ = state.type("a (b")
        var expected = state

        let effects = state.press(.enter)

        expected.filterBar.problem = .unclosedParenthesis(column: 3)
        expected.status = StatusMessage(.error, "column 3: unclosed \"(\" — add \")\"")
        #expect(state == expected)
        #expect(state.filterBar.applied.text == "service:api")
        #expect(effects == [])
    }

    @Test func upAndDownBrowseTheFilterHistory() {
        var state = Fixtures.loadedState()
        state.filterBar.history = ["a", "b"]
        _ = state.press(.character("/"))
        _ = state.type("dr")
        _ = state.press(.up)
        #expect(state.filterBar.editing?.text == "b")
        _ = state.press(.up, .up)
        #expect(state.filterBar.editing?.text == "a")
        _ = state.press(.down)
        #expect(state.filterBar.editing?.text == "b")
        _ = state.press(.down)
        #expect(state.filterBar.editing == TextField("dr"))
        #expect(state.filterBar.historyIndex == nil)
        _ = state.press(.escape)
        #expect(state.filterBar.isOpen == false)
        #expect(state.filterBar.applied == .everything)
    }

    @Test func starringTogglesTheRowAndWritesThroughAnEffect() {
        var state = Fixtures.loadedState()
        var expected = state
        let effects = state.press(.character("s"))
        expected.timeline.rows[59].isStarred = true
        expected.status = StatusMessage(.info, "Starred")
        #expect(state == expected)
        #expect(effects == [.setStar(eventID: 100, starred: true)])
        #expect(state.press(.character("s")) == [.setStar(eventID: 100, starred: false)])
    }

    @Test func taggingPromptsForTheNameThenAddsIt() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("t"))
        #expect(state.prompt == PromptState(kind: .tag, eventID: 100))
        _ = state.type("suspect")
        let effects = state.press(.enter)
        #expect(state.prompt == nil)
        #expect(state.timeline.rows[59].tags == ["suspect"])
        #expect(effects == [.addTag(eventID: 100, tag: "suspect")])
    }

    @Test func linkingNeedsACurrentInvestigation() {
        var state = Fixtures.loadedState()
        var expected = state
        let effects = state.press(.character("l"))
        expected.status = StatusMessage(.error, "Select an investigation in the Investigations pane (or c to create one) to link events")
        #expect(state == expected)
        #expect(effects == [])
    }

    @Test func linkingAndUnlinkingTheSelectedEvent() {
        var state = Fixtures.loadedState()
        state.investigations.selected = 1
        let effects = state.press(.character("l"))
        #expect(effects == [.link(eventID: 100, investigationID: 7)])
        #expect(state.timeline.rows[59].linkedInvestigationIDs == [7])
        #expect(state.press(.character("L")) == [.unlink(eventID: 100, investigationID: 7)])
        #expect(state.timeline.rows[59].linkedInvestigationIDs == [])
    }

    @Test func selectingAnInvestigationLoadsItsNotes() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("1"))
        var expected = state
        let effects = state.press(.character("j"))
        expected.investigations.selected = 1
        expected.pending.notes = 10
        expected.nextRequestID = 11
        #expect(state == expected)
        #expect(effects == [.loadNotes(requestID: 10, investigationID: 7)])
    }

    @Test func theFormCreatesAnInvestigation() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("c"))
        #expect(state.form == InvestigationFormState(draft: InvestigationDraft(owner: "alice")))
        _ = state.type("Checkout down")
        _ = state.press(.tab, .right, .tab, .left)
        #expect(state.form?.focused == .severity)
        let effects = state.press(.enter)
        #expect(state.form == nil)
        #expect(effects == [.createInvestigation(InvestigationDraft(title: "Checkout down", status: .investigating, severity: .sev2, owner: "alice"))])
    }

    @Test func anEditSavesWithTheFieldsTheFormOpenedOn() {
        // Given the form open on investigation 7 (SEV3, open)
        var state = Fixtures.loadedState()
        state.investigations.selected = 1
        _ = state.press(.character("1"), .character("i"))
        let opened = InvestigationDraft(Fixtures.investigation(7, "Checkout outage").investigation)
        #expect(state.form?.original == opened)

        // When the severity is raised and the form saved
        _ = state.press(.tab, .tab, .left)
        let effects = state.press(.enter)

        // Then the effect carries the new fields and the ones it opened on (what changed is their difference)
        var edited = opened
        edited.severity = .sev2
        #expect(effects == [.updateInvestigation(id: 7, edited, original: opened)])
    }

    @Test func theFormRefusesAnEmptyTitle() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("c"), .tab)
        let effects = state.press(.control("s"))
        #expect(effects == [])
        #expect(state.form?.error == "The title is empty — every investigation needs a title")
        #expect(state.form?.focused == .title)
    }

    @Test func aSavedInvestigationIsSelectedWhenTheListArrives() {
        var state = Fixtures.loadedState()
        let saved = reduce(&state, .investigationSaved(id: 8), environment: env)
        #expect(saved == [.loadInvestigations(requestID: 10)])
        let items = [Fixtures.investigation(7, "Checkout outage"), Fixtures.investigation(8, "Cart errors")]
        let effects = reduce(&state, .investigationsLoaded(requestID: 10, items), environment: env)
        #expect(state.investigations.selected == 2)
        #expect(state.investigations.pendingSelectionID == nil)
        #expect(effects == [.loadNotes(requestID: 11, investigationID: 8)])
    }

    @Test func theNoteEditorTypesLinesAndSavesWithCtrlS() {
        var state = Fixtures.loadedState()
        state.investigations.selected = 1
        _ = state.press(.character("a"))
        #expect(state.editor == NoteEditorState(investigationID: 7, eventID: 100))
        _ = state.type("first")
        _ = state.press(.enter)
        _ = state.type("secnd")
        _ = state.press(.left, .left)
        _ = state.type("ox")
        _ = state.press(.backspace)
        #expect(state.editor?.lines == ["first", "second"])
        let effects = state.press(.control("s"))
        #expect(state.editor == nil)
        #expect(effects == [.saveNote(NoteDraft(investigationID: 7, eventID: 100, body: "first\nsecond"))])
    }

    @Test func escapeDiscardsTheNote() {
        var state = Fixtures.loadedState()
        state.investigations.selected = 1
        _ = state.press(.character("a"))
        _ = state.type("x")
        let effects = state.press(.escape)
        #expect(state.editor == nil)
        #expect(effects == [])
    }

    @Test func EOnANoteOpensTheExternalEditor() {
        var state = Fixtures.loadedState()
        state.investigations.selected = 1
        state.notes.notes = [Note(id: 3, investigationID: 7, eventID: 99, author: "bob", body: "hello", createdAt: Fixtures.base)]
        _ = state.press(.character("4"))
        let effects = state.press(.character("E"))
        #expect(effects == [.openExternalEditor(initialText: "hello", noteID: 3, investigationID: 7, eventID: 99)])
        let saved = reduce(&state, .editorFinished(noteID: 3, investigationID: 7, eventID: 99, text: "hello\nagain"), environment: env)
        #expect(saved == [.saveNote(NoteDraft(id: 3, investigationID: 7, eventID: 99, body: "hello\nagain"))])
    }

    @Test func helpOpensWithGeneratedLinesAndClosesWithEscape() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("?"))
        #expect(state.help == HelpOverlayState(lines: HelpGenerator.lines(for: .defaults)))
        _ = state.press(.character("j"))
        #expect(state.help?.scroll == 1)
        _ = state.press(.escape)
        #expect(state.help == nil)
    }

    @Test func theCommandPromptRunsCommandsByName() throws {
        var state = Fixtures.loadedState()
        _ = state.press(.character(":"))
        _ = state.type("filter severity>=error")
        let effects = state.press(.enter)
        #expect(state.filterBar.applied == (try Filter.parse("severity>=error")))
        // Remember it in the store's history, reload the rows, count them.
        #expect(effects.count == 3)
        _ = state.press(.character(":"))
        _ = state.type("bogus")
        #expect(state.press(.enter) == [])
        #expect(state.status == StatusMessage(.error, "Unknown command \"bogus\" — press ? for the command names"))
        _ = state.press(.character(":"))
        _ = state.type("q")
        #expect(state.press(.enter) == [.quit])
        #expect(state.isQuitting)
    }

    @Test func filterOnTraceFromTheDetailsPane() throws {
        var state = Fixtures.loadedState()
        let event = Event(id: 100, timestamp: Fixtures.base, sourceKind: .log, sourceName: "app.log", severity: .error, message: "m", traceID: "abc123", dedupeKey: DedupeKey(high: 1, low: 2))
        state.details.detail = EventDetail(event: event)
        _ = state.press(.character("3"))
        let effects = state.press(.character("f"))
        #expect(state.filterBar.applied == (try Filter.parse("trace:\"abc123\"")))
        #expect(effects.first == .recordFilter("trace:\"abc123\""))
        #expect(effects.dropFirst().first == .loadWindowAround(requestID: 10, query: TimelineQuery(filter: try Filter.parse("trace:\"abc123\"")), centre: .event(Fixtures.row(100).cursor), limit: 60))
    }

    @Test func staleDetailsAndCountsAreIgnored() {
        var state = Fixtures.loadedState()
        state.pending.detail = 5
        state.pending.count = 6
        let expected = state
        _ = reduce(&state, .detailLoaded(requestID: 4, nil), environment: env)
        _ = reduce(&state, .countLoaded(requestID: 3, count: 1, oldest: nil, newest: nil), environment: env)
        #expect(state == expected)
    }

    @Test func followTogglesAndJumpsToTheNewest() {
        var state = Fixtures.loadedState()
        state.timeline.reachedEnd = false
        let effects = state.press(.character("F"))
        #expect(state.timeline.follow)
        #expect(effects == [.loadWindow(requestID: 10, query: TimelineQuery(), anchor: .newest, limit: 60)])
        _ = state.press(.character("k"))
        #expect(state.timeline.follow == false)
    }

    @Test func maximisingAnotherPaneKeepsTheTimelineScroll() {
        var state = Fixtures.loadedState()
        state.timeline.cursorID = 95
        _ = state.press(.character("3"), .character("m"))
        #expect(state.timeline.top == 50)
        _ = state.press(.character("m"))
        #expect(state.timeline.top == 50)
        #expect(state.timeline.cursorID == 95)
    }

    @Test func theNextKeyReplacesTheLastMessage() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("s"))
        #expect(state.status == StatusMessage(.info, "Starred"))
        _ = state.press(.character("k"))
        #expect(state.status == nil)
    }

    @Test func aTerminalTooSmallOnlyQuits() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .terminalResized(width: 40, height: 10), environment: env)
        let expected = state
        #expect(state.press(.character("j")) == [])
        #expect(state == expected)
        #expect(state.press(.character("q")) == [.quit])
    }
}
