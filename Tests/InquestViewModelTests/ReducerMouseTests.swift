import InquestCore
import Testing
@testable import InquestViewModel

/// Issue 17 item 9: clicks and the wheel, read against the layout the renderer draws.
/// The fixture at 80×24: the collapsed Investigations header on row 0, the timeline's box from
/// row 1 (density strip on row 2, events 91...100 on rows 3...12; no time axis at this height),
/// details and notes from row 14.
@Suite struct ReducerMouseTests {
    func click(_ state: inout CanvasState, x: Int, y: Int, _ button: MouseEvent.Button = .left) -> [CanvasEffect] {
        reduce(&state, .mousePressed(MouseEvent(button, x: x, y: y)), environment: Fixtures.environment)
    }

    @Test func clickingAnEventLineSelectsThatEvent() {
        var state = Fixtures.loadedState()
        let effects = click(&state, x: 30, y: 6)
        #expect(state.timeline.cursorID == 94)
        #expect(state.timeline.top == 50, "the view does not move")
        #expect(state.focus == .timeline)
        #expect(effects.contains { if case .loadDetail(_, 94) = $0 { true } else { false } })
    }

    @Test func clickingADateSeparatorSelectsNothing() {
        var state = Fixtures.loadedState()
        // Event 95 starts a new day: a separator line above it.
        state.timeline.rows = state.timeline.rows.map { row in
            var row = row
            if row.id >= 95 { row.timestamp = Timestamp(nanoseconds: row.timestamp.nanoseconds + 86_400_000_000_000) }
            return row
        }
        let offset = state.localOffsetSeconds
        let lines = (0..<9).map { state.timeline.rowIndex(atLine: $0, offsetSeconds: offset).map { state.timeline.rows[$0].id } }
        #expect(lines.contains(nil), "a separator line maps to no row: \(lines)")
        let separator = try! #require(lines.firstIndex(of: nil))
        #expect(lines[separator + 1] == 95)
        _ = click(&state, x: 30, y: 3 + separator)
        #expect(state.timeline.cursorID == 100)
    }

    @Test func clickingAnotherPaneFocusesIt() {
        var state = Fixtures.loadedState()
        _ = click(&state, x: 5, y: 16)
        #expect(state.focus == .details)
        _ = click(&state, x: 60, y: 16)
        #expect(state.focus == .notes)
        _ = click(&state, x: 10, y: 0)
        #expect(state.focus == .investigations, "the collapsed header opens into its band")
        #expect(state.layout?.investigations?.height ?? 0 > 1)
    }

    @Test func clickingAnInvestigationRowSelectsIt() throws {
        var state = Fixtures.loadedState()
        state.width = 120
        state.height = 40
        let box = try #require(state.layout?.investigations)
        #expect(box.height > 1, "a column at 120 columns")
        let effects = click(&state, x: box.x + 3, y: box.y + 2)
        #expect(state.focus == .investigations)
        #expect(state.investigations.selected == 1)
        #expect(!effects.isEmpty, "the timeline and notes follow the selected investigation")
    }

    @Test func theWheelScrollsTheTimelineUnderThePointer() {
        var state = Fixtures.loadedState()
        state.focus = .details
        state.timeline.follow = true
        _ = click(&state, x: 30, y: 8, .wheelUp)
        #expect(state.timeline.cursorID == 97)
        #expect(state.timeline.top == 47, "the view scrolls with the cursor")
        #expect(!state.timeline.follow, "scrolling up stops following")
        #expect(state.focus == .details, "the wheel does not move the focus")
        _ = click(&state, x: 30, y: 8, .wheelDown)
        #expect(state.timeline.cursorID == 100)
        #expect(state.timeline.top == 50)
    }

    @Test func theWheelScrollsTheOpenOverlay() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("?"))
        #expect(state.help?.scroll == 0)
        _ = click(&state, x: 30, y: 8, .wheelDown)
        #expect(state.help?.scroll == 3)
        _ = click(&state, x: 30, y: 8)
        #expect(state.help != nil, "a click does not close or go through the overlay")
        #expect(state.timeline.cursorID == 100)
    }

    @Test func anOpenTextFieldKeepsTheMouseOut() {
        var state = Fixtures.loadedState()
        _ = state.press(.character("/"))
        let before = state
        #expect(click(&state, x: 30, y: 6).isEmpty)
        #expect(state == before)
    }

    @Test func theStripJumpsAfterTheWheelMovedTheCursor() throws {
        var state = Fixtures.loadedState()
        var answered: [CanvasEffect] = []
        for button in [MouseEvent.Button.wheelUp, .wheelUp, .wheelDown] {
            answered += click(&state, x: 30, y: 6, button)
        }
        let layout = try #require(state.layout)
        let strip = try #require(layout.timeline).inset(by: 1)
        let effects = click(&state, x: strip.x + layout.densityWidth / 2, y: strip.y)
        guard case .loadWindowAround(let requestID, _, .time(let time), _)? = effects.first else {
            Issue.record("expected a window around the time: \(effects)")
            return
        }
        _ = reduce(&state, .windowLoaded(requestID: requestID, rows: Fixtures.rows(30...70), anchor: .atOrAfter(time), reachedStart: false, reachedEnd: false), environment: Fixtures.environment)
        let expected = Fixtures.rows(30...70).first { $0.timestamp >= time }?.id
        #expect(state.timeline.cursorID == expected, "\(answered) \(effects) \(state.pending)")
    }

    @Test func clickingTheDensityStripJumpsToThatTimeCentred() throws {
        var state = Fixtures.loadedState()
        let layout = try #require(state.layout)
        let strip = try #require(layout.timeline).inset(by: 1)
        let column = layout.densityWidth / 2
        let effects = click(&state, x: strip.x + column, y: strip.y)
        let time = try #require(state.density.bucketStart(column: column, columns: layout.densityWidth))
        guard case .loadWindowAround(let requestID, _, let centre, _)? = effects.first else {
            Issue.record("expected a window around the time: \(effects)")
            return
        }
        #expect(centre == .time(time))
        #expect(state.timeline.follow == false)
        // Events 1...100 are one second apart: the window around the middle of the strip.
        let rows = Fixtures.rows(30...70)
        _ = reduce(&state, .windowLoaded(requestID: requestID, rows: rows, anchor: .atOrAfter(time), reachedStart: false, reachedEnd: false), environment: Fixtures.environment)
        let selected = try #require(state.timeline.cursorRow)
        #expect(selected.timestamp >= time)
        #expect(selected.timestamp.nanoseconds - time.nanoseconds < 1_000_000_000, "the first event at or after the time")
        let index = try #require(state.timeline.cursorIndex)
        #expect(index - state.timeline.top == state.timelinePageSize / 2, "centred, with the events before it above")
    }

    @Test func theAxisRowJumpsLikeTheStrip() throws {
        var state = Fixtures.loadedState()
        state.width = 120
        state.height = 40
        #expect(state.layout?.showsTimeAxis == true)
        let strip = try #require(state.layout?.timeline).inset(by: 1)
        let effects = click(&state, x: strip.x, y: strip.y + 1)
        guard case .loadWindowAround(_, _, let centre, _)? = effects.first else {
            Issue.record("expected a window around the time: \(effects)")
            return
        }
        #expect(centre == state.density.from.map(WindowCentre.time))
    }
}
