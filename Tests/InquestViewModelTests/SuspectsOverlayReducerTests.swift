import InquestCore
import Testing
@testable import InquestViewModel

@Suite struct SuspectsOverlayReducerTests {
    static func evidence(_ text: String, _ filter: String) -> SuspectEvidence {
        SuspectEvidence(kind: .logTemplate, summary: text, filter: (try? Filter.parse(filter)) ?? .everything, contribution: 1)
    }

    let ranking = [
        Suspect(service: "db", score: 2.5, evidence: [
            evidence("template 4 `connection refused` 0 → 212 events", "service:db severity>=warning"),
            evidence("p90 latency 40 ms → 20 s", "service:db source:spans"),
        ]),
        Suspect(service: "api", score: 0.8, evidence: [evidence("errors 0 → 30 spans", "service:api")]),
    ]

    /// Opens the overlay and delivers the ranking; returns the request id.
    func openWithRanking(_ state: inout CanvasState) -> Int {
        _ = state.press(.character("S"))
        let requestID = state.pending.suspects ?? -1
        _ = reduce(&state, .suspectsRanked(requestID: requestID, time: Fixtures.base, ranking), environment: Fixtures.environment)
        return requestID
    }

    @Test func sOpensTheOverlayAndRanksAtTheSelectedEventsTime() throws {
        var state = Fixtures.loadedState()
        let effects = state.press(.character("S"))
        let requestID = try #require(state.pending.suspects)
        #expect(effects == [.rankSuspects(requestID: requestID, at: Fixtures.row(100).timestamp)])
        #expect(state.suspectsOverlay?.isRanking == true)
        #expect(state.suspectsOverlay?.requestedTime == Fixtures.row(100).timestamp)
    }

    @Test func withNoEventSelectedTheAnalysisPicksTheErrorBurst() {
        var state = CanvasState()
        let effects = state.press(.character("S"))
        #expect(effects == [.rankSuspects(requestID: state.pending.suspects ?? -1, at: nil)])
    }

    @Test func theResultFillsTheOverlayAndSelectsTheFirstEvidenceRow() {
        var state = Fixtures.loadedState()
        _ = openWithRanking(&state)
        #expect(state.suspectsOverlay?.suspects == ranking)
        #expect(state.suspectsOverlay?.time == Fixtures.base)
        #expect(state.pending.suspects == nil)
        #expect(state.suspectsOverlay?.selectedEvidence?.evidence == ranking[0].evidence[0])
        #expect(state.suspectsOverlay?.lines.count == 5)
    }

    @Test func aSupersededResultIsDropped() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("S"))
        let first = state.pending.suspects ?? -1
        _ = state.press(.escape)
        _ = state.press(.character("S"))
        let second = state.pending.suspects ?? -1
        #expect(first != second)
        _ = reduce(&state, .suspectsRanked(requestID: first, time: Fixtures.base, ranking), environment: Fixtures.environment)
        #expect(state.suspectsOverlay?.isRanking == true)
        _ = reduce(&state, .suspectsFailed(requestID: first, "late"), environment: Fixtures.environment)
        #expect(state.suspectsOverlay?.failure == nil)
        _ = reduce(&state, .suspectsRanked(requestID: second, time: Fixtures.base, []), environment: Fixtures.environment)
        #expect(state.suspectsOverlay?.suspects == [])
    }

    @Test func aResultAfterClosingDoesNotReopen() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("S"))
        let requestID = state.pending.suspects ?? -1
        _ = state.press(.escape)
        _ = reduce(&state, .suspectsRanked(requestID: requestID, time: Fixtures.base, ranking), environment: Fixtures.environment)
        #expect(state.suspectsOverlay == nil)
    }

    @Test func downAndUpMoveOverEvidenceRowsAcrossSuspectsAndStopAtTheEnds() {
        var state = Fixtures.loadedState()
        _ = openWithRanking(&state)
        let timeline = state.timeline
        _ = state.press(.down, .down)
        #expect(state.suspectsOverlay?.selectedEvidence?.service == "api")
        _ = state.press(.down)
        #expect(state.suspectsOverlay?.selected == 2)
        _ = state.press(.up, .up, .up, .up)
        #expect(state.suspectsOverlay?.selected == 0)
        #expect(state.timeline == timeline)
    }

    @Test func enterClosesAndAppliesTheEvidenceFilterToTheTimeline() throws {
        var state = Fixtures.loadedState()
        _ = openWithRanking(&state)
        _ = state.press(.down)
        let effects = state.press(.enter)
        #expect(state.suspectsOverlay == nil)
        #expect(state.filterBar.applied.text == "service:db source:spans")
        #expect(state.filterBar.history.last == "service:db source:spans")
        // The timeline reloads for the new filter (around the selected event when there is one).
        let reload = try #require(effects.first {
            switch $0 {
            case .loadWindow, .loadWindowAround: true
            default: false
            }
        })
        switch reload {
        case .loadWindow(_, let query, _, _), .loadWindowAround(_, let query, _, _):
            #expect(query.filter.text == "service:db source:spans")
        default:
            Issue.record("not a timeline load: \(reload)")
        }
    }

    @Test func lLinksTheEventsBehindTheRowToTheCurrentInvestigation() {
        var state = Fixtures.loadedState()
        state.investigations.selected = 1  // "Checkout outage" (row 0 is "All events")
        _ = openWithRanking(&state)
        let effects = state.press(.character("l"))
        let filter = ranking[0].evidence[0].filter
        #expect(effects == [.linkEvents(
            query: TimelineQuery(filter: filter), investigationID: 7,
            reason: "suspect db: " + ranking[0].evidence[0].summary, limit: CanvasReducer.suspectLinkLimit)])
        #expect(state.suspectsOverlay != nil)
        _ = reduce(&state, .eventsLinked(investigationID: 7, count: 200, capped: true), environment: Fixtures.environment)
        #expect(state.status?.text.contains("Linked the first 200 events to Checkout outage") == true)
        _ = reduce(&state, .eventsLinked(investigationID: 7, count: 3, capped: false), environment: Fixtures.environment)
        #expect(state.status?.text == "Linked 3 events to Checkout outage")
    }

    @Test func lWithoutAnInvestigationSaysWhatToDo() {
        var state = Fixtures.loadedState()  // "All events" selected: no current investigation
        _ = openWithRanking(&state)
        #expect(state.press(.character("l")) == [])
        #expect(state.status?.kind == .error)
    }

    @Test func whileRankingEnterAndLDoNothingAndEscCloses() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("S"))
        #expect(state.press(.enter) == [])
        #expect(state.press(.character("l")) == [])
        _ = state.press(.escape)
        #expect(state.suspectsOverlay == nil)
        #expect(state.pending.suspects == nil)
    }

    @Test func helpListsTheOverlayKeysFromTheKeymap() {
        let help = HelpGenerator.lines(for: Fixtures.environment.keymap)
        let texts = help.compactMap { line -> String? in
            if case .command(let keys, let name, _) = line { return keys + " " + name }
            return nil
        }
        #expect(texts.contains { $0.hasPrefix("S ") && $0.hasSuffix(" suspects") })
        #expect(texts.contains { $0.contains("l (suspects)") && $0.hasSuffix("suspects.link") })
    }
}
