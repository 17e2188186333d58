import InquestCore
import Testing
@testable import InquestViewModel

/// Issue 17 items 2 and 12: the context view around an event, and jumping to an event by id
/// (`:event`, a note's `[[event:ID]]`), which shows it in that view.
@Suite struct ReducerContextTests {
    let env = Fixtures.environment

    @Test func contextShowsEveryEventWithinFiveMinutesOfTheSelectedOneUnfiltered() throws {
        // Given a filtered timeline with the cursor on event 60
        var state = Fixtures.loadedState()
        state.filterBar.applied = try Filter.parse("sev:error")
        state.timeline.cursorID = 60

        // When C is pressed
        let effects = state.press(.character("C"))

        // Then the window around event 60 is loaded with no filter, only the time bounds
        let anchor = Fixtures.row(60).cursor
        let context = TimelineContext(anchor: anchor)
        #expect(state.timeline.context == context)
        #expect(state.query == context.query)
        #expect(context.query.filter == .everything)
        #expect(effects.first == .loadWindowAround(requestID: 10, query: context.query, centre: .event(anchor), limit: 60))
        #expect(state.filterBar.applied.text == "sev:error", "the filter is kept for when the view closes")
    }

    @Test func contextTakesADurationAndRejectsNonsense() {
        var state = Fixtures.loadedState()
        _ = state.press(.character(":"))
        _ = state.type("context 90s")
        _ = state.press(.enter)
        #expect(state.timeline.context?.span == 90_000_000_000)
        #expect(state.timeline.context?.label == "context ±90s of #100")
        _ = state.press(.character(":"))
        _ = state.type("context soon")
        _ = state.press(.enter)
        #expect(state.status?.kind == .error)
    }

    @Test func escapeLeavesTheContextAtTheSameEvent() throws {
        var state = Fixtures.loadedState()
        state.filterBar.applied = try Filter.parse("sev:error")
        _ = state.press(.character("C"))
        #expect(state.timeline.context != nil)

        let effects = state.press(.escape)

        #expect(state.timeline.context == nil)
        #expect(effects.first == .loadWindowAround(requestID: 12, query: TimelineQuery(filter: try Filter.parse("sev:error")), centre: .event(Fixtures.row(100).cursor), limit: 60))
    }

    @Test func eventCommandLocatesTheEventThenShowsItInContext() {
        var state = Fixtures.loadedState()
        state.focus = .notes
        _ = state.press(.character(":"))
        _ = state.type("event 42")
        let effects = state.press(.enter)
        #expect(effects == [.locateEvent(requestID: 10, eventID: 42)])

        let cursor = EventCursor(timestamp: Fixtures.row(42).timestamp, id: 42)
        let loaded = reduce(&state, .eventLocated(requestID: 10, eventID: 42, cursor: cursor), environment: env)

        #expect(state.timeline.context?.anchor == cursor)
        #expect(state.focus == .timeline)
        #expect(loaded.contains(.loadWindowAround(requestID: 11, query: TimelineContext(anchor: cursor).query, centre: .event(cursor), limit: 60)))
    }

    @Test func anEventTheStoreLacksIsReported() {
        var state = Fixtures.loadedState()
        _ = reduce(&state, .openedOnEvent(7), environment: env)
        _ = reduce(&state, .eventLocated(requestID: 10, eventID: 7, cursor: nil), environment: env)
        #expect(state.status == StatusMessage(.error, "Event #7 is not in this store"))
        #expect(state.timeline.context == nil)
    }

    @Test func enterOnANoteFollowsItsFirstCitationAndEditsANoteWithout() {
        var state = Fixtures.loadedState()
        state.focus = .notes
        state.notes = NotesState(notes: [
            Note(id: 1, investigationID: 7, author: "a", body: "pool exhausted, see [[event:77]] and [[event:78]]", createdAt: Fixtures.base),
            Note(id: 2, investigationID: 7, author: "a", body: "no citation here", createdAt: Fixtures.base),
        ], selected: 0)
        #expect(state.press(.enter) == [.locateEvent(requestID: 10, eventID: 77)])

        state.notes.selected = 1
        #expect(state.press(.enter) == [])
        #expect(state.editor?.noteID == 2)
    }

    @Test func zoomStartsFromTheDataExtent() {
        // A 2-hour incident: the first zoom goes to 1h, not out to a day.
        let twoHours: Int64 = 2 * 3_600 * 1_000_000_000
        #expect(DensityState.zoom(from: 0, in: true, extent: twoHours) == 3)
        #expect(DensityState(zoom: 3).zoomLabel == "1h")
        // Zooming out to a span as wide as the data shows all of it.
        #expect(DensityState.zoom(from: 3, in: false, extent: twoHours) == 0)
        // Ten days of data: out from 1h goes to 6h.
        #expect(DensityState.zoom(from: 3, in: false, extent: 10 * 86_400 * 1_000_000_000) == 2)
        #expect(DensityState.zoom(from: DensityState.spans.count - 1, in: true, extent: twoHours) == DensityState.spans.count - 1)
    }

    @Test func findingAnErrorPutsItMidPane() {
        var state = Fixtures.loadedState()
        state.timeline.cursorID = 45
        state.timeline.top = 41
        _ = state.press(.character("e"))
        _ = reduce(&state, .windowLoaded(requestID: 10, rows: [Fixtures.row(80, severity: .error)], anchor: .after(Fixtures.row(45).cursor), reachedStart: false, reachedEnd: false), environment: env)
        #expect(state.timeline.cursorID == 80)
        let index = state.timeline.cursorIndex ?? 0
        #expect(index - state.timeline.top == state.timelinePageSize / 2)
    }
}

/// Issue 17 item 8: what `y`, `Y` and `:yank` copy.
@Suite struct ReducerYankTests {
    @Test func yCopiesTheMessageAndYTheRawRecordOnceLoaded() {
        var state = Fixtures.loadedState()
        #expect(state.press(.character("y")) == [.copyToClipboard(text: "event 100", label: "the message of event #100")])
        #expect(state.press(.character("Y")) == [])
        #expect(state.status?.kind == .error)
        let event = Event(id: 100, timestamp: Fixtures.base, sourceKind: .log, sourceName: "app.log", severity: .info, message: "event 100", raw: Array("raw line 100".utf8), dedupeKey: DedupeKey(high: 1, low: 2))
        state.details.detail = EventDetail(event: event)
        #expect(state.press(.character("Y")) == [.copyToClipboard(text: "raw line 100", label: "the raw record of event #100")])
        _ = state.press(.character(":"))
        _ = state.type("yank link")
        #expect(state.press(.enter) == [.copyEventLink(eventID: 100)])
    }
}
