import InquestCore
import Testing
@testable import InquestViewModel

/// `:log` and the "edited by" data: whole-state transitions.
@Suite struct ReducerAuditTests {
    let env = Fixtures.environment

    static func entry(_ id: Int64, actor: String, action: AuditEntry.Action = .update) -> AuditEntry {
        AuditEntry(
            id: id, at: Timestamp(seconds: 1_795_000_000 + id), actor: actor, entity: .investigation, action: action,
            investigationID: 7, detail: "status", before: #"{"status":"open"}"#, after: #"{"status":"resolved"}"#)
    }

    @Test func logCommandOpensTheOverlayAndAsksForTheTrail() {
        // Given the first investigation selected
        var state = Fixtures.loadedState()
        state.investigations.selected = 1
        var expected = state
        // When `:log` is typed
        _ = state.press(.character(":"))
        _ = state.type("log")
        let effects = state.press(.enter)
        // Then the overlay waits for request 10 and the trail is asked for
        expected.audit.overlay = AuditOverlayState(investigationID: 7, title: "Checkout outage", requestID: 10)
        expected.nextRequestID = 11
        #expect(state == expected)
        #expect(effects == [.loadAuditTrail(requestID: 10, investigationID: 7)])
    }

    @Test func theTrailFillsTheOverlayOldestFirstAndEscapeClosesIt() {
        var state = Fixtures.loadedState()
        state.investigations.selected = 1
        _ = state.press(.character(":"))
        _ = state.type("log")
        _ = state.press(.enter)
        // A stale answer is dropped; the awaited one fills the overlay in time order
        _ = reduce(&state, .auditTrailLoaded(requestID: 9, investigationID: 7, [Self.entry(1, actor: "old")]), environment: env)
        #expect(state.audit.overlay?.entries == nil)
        _ = reduce(&state, .auditTrailLoaded(requestID: 10, investigationID: 7, [Self.entry(3, actor: "bob"), Self.entry(2, actor: "alice")]), environment: env)
        #expect(state.audit.overlay?.entries?.map(\.actor) == ["alice", "bob"])
        #expect(state.audit.overlay?.lines.first == .entry(at: Timestamp(seconds: 1_795_000_002), actor: "alice", action: "update", subject: "investigation #7"))
        #expect(state.audit.overlay?.lines[1] == .change(field: "status", before: "open", after: "resolved"))
        // Keys go to the overlay while it is open: j does not move the timeline
        let cursor = state.timeline.cursorID
        _ = state.press(.character("j"))
        #expect(state.timeline.cursorID == cursor)
        _ = state.press(.escape)
        #expect(state.audit.overlay == nil)
    }

    @Test func logWithoutAnInvestigationSaysSo() {
        var state = Fixtures.loadedState()
        state.investigations.selected = 0
        let effects = state.press(.character(":")) + state.type("log") + state.press(.enter)
        // Opening `:` reads the view and tag names for Tab; `:log` itself does nothing.
        #expect(effects == [.loadFilterMemory])
        #expect(state.audit.overlay == nil)
        #expect(state.status == StatusMessage(.error, "Select an investigation to see its log"))
    }

    @Test func lastEditsAreKeptForTheCurrentInvestigationOnly() {
        var state = Fixtures.loadedState()
        state.investigations.selected = 1
        _ = reduce(&state, .noteEditsLoaded(investigationID: 8, [1: Self.entry(1, actor: "x")]), environment: env)
        #expect(state.audit.noteEdits.isEmpty)
        _ = reduce(&state, .noteEditsLoaded(investigationID: 7, [1: Self.entry(1, actor: "bob")]), environment: env)
        #expect(state.audit.noteEdits[1]?.actor == "bob")
        _ = reduce(&state, .investigationEditsLoaded([7: Self.entry(2, actor: "carol")]), environment: env)
        #expect(state.audit.investigationEdits[7]?.actor == "carol")
    }
}
