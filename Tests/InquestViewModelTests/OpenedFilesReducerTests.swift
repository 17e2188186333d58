import InquestCore
import Testing
@testable import InquestViewModel

/// The canvas opened on files (`inquest FILE...`): scoped to them until cleared, and the
/// background ingest's reports kept for the status line.
@Suite struct OpenedFilesReducerTests {
    static func openedState(_ sources: [String]) -> CanvasState {
        var state = Fixtures.loadedState()
        state.timeline.openedSources = sources
        state.timeline.onlyOpened = true
        return state
    }

    @Test func theQueryIsScopedToTheOpenedSourcesAsFilterNodes() {
        let one = Self.openedState(["app.log"])
        #expect(one.query.scope == [.term(.sourceName(.exact("app.log")))])
        let two = Self.openedState(["app.log", "db.log"])
        #expect(two.query.scope == [.or([.term(.sourceName(.exact("app.log"))), .term(.sourceName(.exact("db.log")))])])
        var cleared = two
        cleared.timeline.onlyOpened = false
        #expect(cleared.query.scope == [])
    }

    @Test func theScopeStaysBesideATypedFilter() throws {
        var state = Self.openedState(["app.log"])
        state.filterBar.applied = try Filter.parse("severity>=error")
        #expect(state.query.filter == (try Filter.parse("severity>=error")))
        #expect(state.query.scope == [.term(.sourceName(.exact("app.log")))])
    }

    @Test func capitalOTogglesTheScopeAndReloadsTheTimeline() {
        var state = Self.openedState(["app.log"])
        let effects = state.press(.character("O"))
        #expect(!state.timeline.onlyOpened)
        #expect(state.status == StatusMessage(.info, "Showing every source"))
        #expect(effects.contains { Self.windowQuery(of: $0)?.scope.isEmpty == true })

        let again = state.press(.character("O"))
        #expect(state.timeline.onlyOpened)
        #expect(state.status == StatusMessage(.info, "Showing app.log only"))
        #expect(again.contains { Self.windowQuery(of: $0)?.scope == [.term(.sourceName(.exact("app.log")))] })
    }

    /// The query of a window load, wherever it is anchored.
    static func windowQuery(of effect: CanvasEffect) -> TimelineQuery? {
        switch effect {
        case .loadWindow(_, let query, _, _), .loadWindowAround(_, let query, _, _): query
        default: nil
        }
    }

    @Test func capitalOWithoutOpenedFilesSaysSo() {
        var state = Fixtures.loadedState()
        #expect(state.press(.character("O")) == [])
        #expect(state.status?.kind == .error)
        #expect(!state.timeline.onlyOpened)
    }

    @Test func progressIsKeptAndEachCommitAndTheEndRefreshTheScreen() {
        var state = Self.openedState(["app.log"])
        var ingest = BackgroundIngestState(paths: ["app.log"])
        ingest.current = IngestProgress(path: "app.log", bytesRead: 500, totalBytes: 1_000, lines: 40, stored: 40)
        ingest.eventsStored = 40
        ingest.elapsedSeconds = 2
        let first = reduce(&state, .ingestProgressed(ingest), environment: Fixtures.environment)
        #expect(first.contains { if case .loadCount = $0 { true } else { false } }, "a batch committed: the screen is refreshed at once")
        #expect(state.ingest == ingest)
        #expect(ingest.eventsPerSecond == 20)
        // A report with nothing new stored (a later tick of the same batch) refreshes nothing.
        ingest.elapsedSeconds = 3
        #expect(reduce(&state, .ingestProgressed(ingest), environment: Fixtures.environment) == [])

        ingest.phase = .finished
        let effects = reduce(&state, .ingestProgressed(ingest), environment: Fixtures.environment)
        #expect(effects.contains { if case .loadCount = $0 { true } else { false } }, "the final count is read at once")
        #expect(state.ingest?.phase == .finished)
        // A later report of a finished ingest does not refresh again.
        #expect(reduce(&state, .ingestProgressed(ingest), environment: Fixtures.environment) == [])
    }
}
