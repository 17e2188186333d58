import InquestCore
import Testing
@testable import InquestViewModel

@Suite struct PureHelpersTests {
    let reference = Timestamp(seconds: 1_795_000_000) // 2026-11-18T11:06:40Z
    static let midnight: Int64 = 1_794_960_000 // 2026-11-18T00:00:00Z
    static let utcCases: [(String, Int64)] = [
        ("-15m", 1_795_000_000 - 900),
        ("+2h", 1_795_000_000 + 7_200),
        ("10:42", midnight + 10 * 3_600 + 42 * 60),
        ("10:42:30.5", midnight + 10 * 3_600 + 42 * 60 + 30),
        ("2026-11-20", 1_795_132_800),
        ("2026-11-20T10:42Z", 1_795_132_800 + 10 * 3_600 + 42 * 60),
    ]

    @Test(arguments: utcCases)
    func jumpTimesInUTC(text: String, seconds: Int64) throws {
        let time = try TimeJump.parse(text, reference: reference, offsetSeconds: 0)
        #expect(time.seconds == seconds)
    }

    @Test func localClockTimesUseTheOffsetButZMeansUTC() throws {
        let local = try TimeJump.parse("10:42", reference: reference, offsetSeconds: 3_600)
        #expect(local.seconds == Self.midnight + 9 * 3_600 + 42 * 60)
        let utc = try TimeJump.parse("2026-11-20T10:42Z", reference: reference, offsetSeconds: 3_600)
        #expect(utc.seconds == 1_795_132_800 + 10 * 3_600 + 42 * 60)
    }

    @Test(arguments: ["", "25:00", "yesterday", "-15x", "2026-13-01", "10:4a"])
    func badTimesAreRejected(text: String) {
        #expect(throws: ViewModelError.invalidTime(text)) { try TimeJump.parse(text, reference: reference, offsetSeconds: 0) }
    }

    @Test func jsonIsPrettyPrintedInOrderWithTypedSpans() {
        let lines = JSONPretty.lines(#"{"b":1,"a":{"x":[true,null]},"s":"q\"x","e":{}}"#)
        let text = lines.map { $0.map(\.text).joined() }
        #expect(text == [
            "{",
            "  \"b\": 1,",
            "  \"a\": {",
            "    \"x\": [",
            "      true,",
            "      null",
            "    ]",
            "  },",
            "  \"s\": \"q\\\"x\",",
            "  \"e\": {}",
            "}",
        ])
        #expect(lines[1].map(\.kind) == [.jsonPunctuation, .jsonKey, .jsonPunctuation, .jsonNumber, .jsonPunctuation])
        #expect(lines[4].contains(DetailSpan("true", .jsonLiteral)))
        #expect(lines[8].contains(DetailSpan("\"q\\\"x\"", .jsonString)))
    }

    @Test func layoutAt80x24CollapsesTheInvestigationsToAHeader() throws {
        let layout = try #require(CanvasLayout(width: 80, height: 24, focus: .timeline, maximised: false, investigationRows: 3))
        #expect(layout.investigations == Rect(x: 0, y: 0, width: 80, height: 1))
        #expect(layout.investigationsCollapsed)
        #expect(layout.timeline == Rect(x: 0, y: 1, width: 80, height: 13))
        #expect(layout.details == Rect(x: 0, y: 14, width: 44, height: 8))
        #expect(layout.notes == Rect(x: 44, y: 14, width: 36, height: 8))
        #expect(layout.filterBar == Rect(x: 0, y: 22, width: 80, height: 1))
        #expect(layout.statusLine == Rect(x: 0, y: 23, width: 80, height: 1))
        #expect(!layout.showsTimeAxis, "at 80×24 the events keep the axis's row")
        #expect(layout.timelineEventRows == 10)
        let tall = try #require(CanvasLayout(width: 80, height: 24, focus: .timeline, maximised: true, investigationRows: 3))
        #expect(tall.showsTimeAxis, "maximised, the timeline has room for its axis")
        #expect(tall.timelineEventRows == 18)
    }

    @Test func focusingTheCollapsedInvestigationsOpensABandOfItsRows() throws {
        let layout = try #require(CanvasLayout(width: 80, height: 24, focus: .investigations, maximised: false, investigationRows: 3))
        #expect(layout.investigations == Rect(x: 0, y: 0, width: 80, height: 5))
        #expect(layout.timeline?.y == 5)
    }

    @Test func wideWithInvestigationsKeepsTheColumnAndWithoutThemCollapses() throws {
        let wide = try #require(CanvasLayout(width: 120, height: 40, focus: .timeline, maximised: false, investigationRows: 3))
        #expect(wide.investigations == Rect(x: 0, y: 0, width: 32, height: 38))
        #expect(wide.timeline?.x == 32)
        let empty = try #require(CanvasLayout(width: 120, height: 40, focus: .timeline, maximised: false, investigationRows: 1))
        #expect(empty.investigationsCollapsed)
        #expect(empty.timeline == Rect(x: 0, y: 1, width: 120, height: 22))
        #expect(empty.details?.height == 15)
    }

    @Test func aShortScreenShowsTheFocusedPaneAlone() throws {
        let timeline = try #require(CanvasLayout(width: 40, height: 12, focus: .timeline, maximised: false, investigationRows: 3))
        #expect(timeline.investigations == Rect(x: 0, y: 0, width: 40, height: 1))
        #expect(timeline.timeline == Rect(x: 0, y: 1, width: 40, height: 9))
        #expect(timeline.details == nil && timeline.notes == nil)
        #expect(!timeline.showsTimeAxis, "the smallest screen keeps its rows for events")
        #expect(timeline.timelineEventRows == 6)
        let details = try #require(CanvasLayout(width: 40, height: 12, focus: .details, maximised: false, investigationRows: 3))
        #expect(details.details == Rect(x: 0, y: 1, width: 40, height: 9))
        #expect(details.timeline == nil)
    }

    @Test func belowFortyByTwelveIsTooSmall() {
        #expect(CanvasLayout(width: 39, height: 24, focus: .timeline, maximised: false) == nil)
        #expect(CanvasLayout(width: 80, height: 11, focus: .timeline, maximised: false) == nil)
        #expect(CanvasLayout(width: 40, height: 12, focus: .timeline, maximised: false) != nil)
    }

    @Test func textFieldEditsAtTheCaret() {
        var field = TextField("helo")
        _ = field.apply(.left)
        _ = field.apply(.character("l"))
        #expect(field == TextField("hello", caret: 4))
        _ = field.apply(.home)
        _ = field.apply(.delete)
        #expect(field == TextField("ello", caret: 0))
        #expect(field.apply(.enter) == false)
    }
}

@Suite struct DetailLinesTests {
    static let event = Event(
        id: 5, timestamp: Timestamp(seconds: 1_795_000_000), sourceKind: .log, sourceName: "app.log", severity: .error,
        message: "a message long enough to wrap over two lines", traceID: "t-1",
        attributesJSON: #"{"k":1}"#, raw: Array("raw line".utf8), dedupeKey: DedupeKey(high: 0, low: 0)
    )

    @Test func everyFieldAttributesAndRawAreListed() {
        let text = DetailLines.build(EventDetail(event: Self.event, tags: ["x"])).map { $0.map(\.text).joined() }
        #expect(text == [
            "Event #5",
            "time      2026-11-18T11:06:40.000000Z",
            "source    log · app.log",
            "severity  error",
            "message   a message long enough to wrap over two lines",
            "trace     t-1   [f: filter on it]",
            "tags      #x",
            "",
            "Attributes",
            "  {",
            "    \"k\": 1",
            "  }",
            "",
            "Raw",
            "  raw line",
        ])
    }

    /// After the event's own fields (trace, star, tags), so on a short pane the star stays in sight.
    @Test func theTemplateLineFollowsTheEventsOwnFieldsWithItsIDAndEventCount() {
        let template = LogTemplate(id: 12, tokens: ["a", "message", "<*>"], count: 3)
        let text = DetailLines.build(EventDetail(event: Self.event, template: template, templateEventCount: 41))
            .map { $0.map(\.text).joined() }
        let trace = try? #require(text.firstIndex { $0.hasPrefix("trace") })
        #expect(trace.map { text[$0 + 1] } == "template  a message <*>   #12 · 41 events")
    }

    @Test func longValuesWrapUnderTheirValueColumn() {
        let text = DetailLines.build(EventDetail(event: Self.event), width: 30).map { $0.map(\.text).joined() }
        #expect(text[5] == "message   a message long")
        #expect(text[6] == "          enough to wrap over")
        #expect(text[7] == "          two lines")
    }

    @Test func aRunWithoutSpacesIsCutWhereTheRoomEnds() {
        var event = Self.event
        event.message = "id=" + String(repeating: "x", count: 40) + " ok"
        let text = DetailLines.build(EventDetail(event: event), width: 30).map { $0.map(\.text).joined() }
        #expect(text[5] == "message   id=" + String(repeating: "x", count: 17))
        #expect(text[6] == "          " + String(repeating: "x", count: 20))
        #expect(text[7] == "          xxx ok")
    }

    @Test(arguments: [
        ("\u{1B}[1;31maaaa bbbb cccc dddd\u{1B}[0m", ["message   aaaa bbbb cccc dddd"]),
        ("★★★★★ ★★★★★ ok …", ["message   ★★★★★ ★★★★★ ok …"]),
        ("支付失败 用户取消 支付失败", ["message   支付失败 用户取消", "          支付失败"]),
    ])
    func wrapsByTheDisplayWidthOfTheSanitisedText(message: String, expected: [String]) {
        var event = Self.event
        event.message = message
        let text = DetailLines.build(EventDetail(event: event), width: 30).map { $0.map(\.text).joined() }
        #expect(Array(text[5..<(5 + expected.count)]) == expected)
        #expect(text[5 + expected.count].hasPrefix("trace"))
    }

    @Test func stateKeepsTheLinesWrappedToThePane() {
        var state = CanvasState(width: 80, height: 24)
        state.details.detail = EventDetail(event: Self.event)
        let width = state.layout?.detailsTextWidth
        #expect(state.details.lines == DetailLines.build(EventDetail(event: Self.event), width: width))
        _ = reduce(&state, .terminalResized(width: 120, height: 40), environment: Fixtures.environment)
        // No investigation to list: their pane is a header, and the details get its width.
        #expect(state.details.width == 64)
        #expect(state.details.lines == DetailLines.build(EventDetail(event: Self.event), width: state.details.width))
    }
}
