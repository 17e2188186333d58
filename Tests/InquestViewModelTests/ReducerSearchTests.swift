import InquestCore
import Testing
@testable import InquestViewModel

@Suite struct ReducerSearchTests {
    let env = Fixtures.environment

    @Test func controlSOpensTheSearchPromptAndEnterFindsTheNextMatchKeepingTheFilter() throws {
        var state = Fixtures.loadedState()
        state.timeline.cursorID = 60
        _ = state.press(.control("s"))
        #expect(state.prompt?.kind == .search)
        _ = state.type("timeo")
        let effects = state.press(.enter)

        let search = try #require(try TimelineSearch("timeo"))
        #expect(state.timeline.search == search)
        #expect(search.expression == .term(.substring("timeo")))
        #expect(state.filterBar.applied == .everything)
        #expect(effects == [.loadWindow(requestID: 10, query: TimelineQuery().narrowed(by: search.expression), anchor: .after(Fixtures.row(60).cursor), limit: 1)])
        #expect(state.pending.windowPurpose == .findMatch(forward: true))
    }

    @Test func aSlashedSearchIsARegularExpression() throws {
        let search = try #require(try TimelineSearch("/time(out|d)/"))
        #expect(search.expression == .term(.regex(try FilterRegex("time(out|d)"))))
        #expect(search.highlightPatterns == [try FilterRegex("time(out|d)")])
        #expect(throws: FilterError.self) { try TimelineSearch("/a(/") }
        #expect(try TimelineSearch("   ") == nil)
    }

    @Test func nothingPastTheCursorWrapsToTheTopWithAMessage() throws {
        var state = Fixtures.loadedState()
        state.timeline.cursorID = 90
        _ = reduce(&state, .keyPressed(.control("s")), environment: env)
        _ = state.type("event 5")
        _ = state.press(.enter)
        let search = try #require(state.timeline.search)

        let wrap = reduce(&state, .windowLoaded(requestID: 10, rows: [], anchor: .after(Fixtures.row(90).cursor), reachedStart: false, reachedEnd: true), environment: env)
        #expect(wrap == [.loadWindow(requestID: 11, query: TimelineQuery().narrowed(by: search.expression), anchor: .oldest, limit: 1)])
        #expect(state.pending.windowPurpose == .wrapMatch(forward: true))

        _ = reduce(&state, .windowLoaded(requestID: 11, rows: [Fixtures.row(50)], anchor: .oldest, reachedStart: true, reachedEnd: false), environment: env)
        #expect(state.timeline.cursorID == 50)
        #expect(state.status == StatusMessage(.info, "Search hit BOTTOM, continuing at TOP"))
    }

    @Test func aSearchFoundNowhereSaysSo() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .keyPressed(.control("s")), environment: env)
        _ = state.type("nowhere")
        _ = state.press(.enter)
        _ = reduce(&state, .windowLoaded(requestID: 10, rows: [], anchor: .after(Fixtures.row(100).cursor), reachedStart: false, reachedEnd: true), environment: env)
        _ = reduce(&state, .windowLoaded(requestID: 11, rows: [], anchor: .oldest, reachedStart: true, reachedEnd: true), environment: env)
        #expect(state.status == StatusMessage(.error, "Not found: \"nowhere\""))
        #expect(state.timeline.cursorID == 100)
    }

    @Test func nAndCapitalNUseTheSearchBeforeTheFiltersWords() throws {
        var state = Fixtures.loadedState()
        _ = state.press(.character("/"))
        _ = state.type("event")
        _ = state.press(.enter)
        let filtered = state.query
        state.pending = PendingRequests()
        let search = try #require(try TimelineSearch("/ev.nt 4/"))
        state.timeline.search = search
        state.timeline.cursorID = state.timeline.rows.last?.id

        let effects = state.press(.character("N"))
        #expect(effects.first == .loadWindow(requestID: state.nextRequestID - 1, query: filtered.narrowed(by: search.expression), anchor: .before(Fixtures.row(100).cursor), limit: 1))
    }

    @Test func aBlankSearchClearsIt() {
        var state = Fixtures.loadedState()
        state.timeline.search = try? TimelineSearch("x")
        _ = state.press(.control("s"), .control("u"), .enter)
        #expect(state.timeline.search == nil)
        #expect(state.status == StatusMessage(.info, "Search cleared: n/N find the filter's words"))
    }

    @Test func searchAndFilterMatchesAreBothHighlighted() throws {
        var state = Fixtures.loadedState()
        _ = state.press(.character("/"))
        _ = state.type("timeout /5\\d\\d/")
        _ = state.press(.enter)
        state.timeline.search = try TimelineSearch("reset")
        #expect(state.timeline.highlightedTexts == ["timeout", "reset"])
        #expect(state.timeline.highlightedPatterns == [try FilterRegex("5\\d\\d")])
    }
}
