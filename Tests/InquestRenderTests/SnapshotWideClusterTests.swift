import InquestCore
@testable import InquestRender
import InquestText
import InquestViewModel
import Testing

/// Issue 17 item 13: a zero-width-joiner sequence (👨‍👩‍👧: man, ZWJ, woman, ZWJ, girl) is one
/// grapheme cluster two columns wide, stored whole in one cell with a continuation cell after
/// it, in every pane: the timeline's service and message columns, the details (message,
/// attributes, raw record), the notes, the investigations list and an overlay (the note editor).
@Suite struct SnapshotWideClusterTests {
    static let family = "👨‍👩‍👧"

    static func state(width: Int, height: Int) -> CanvasState {
        var state = SnapshotFixture.state(width: width, height: height)
        state.timeline.rows[3].service = family + "pay"
        state.timeline.rows[3].message = "\(family) family plan payment failed"
        var detail = SnapshotFixture.detail
        detail.event.message = "\(family) family plan payment failed"
        detail.event.attributesJSON = #"{"plan":"\#(family) family","seats":3}"#
        detail.event.raw = Array("ERROR [payments] \(family) family plan payment failed".utf8)
        state.details.detail = detail
        state.notes.notes[0].body = "\(family) the family plan fails first"
        state.investigations.items[0].investigation.title = "\(family) plan outage"
        return state
    }

    /// At 80×24 the details pane is too short to reach the message line: the investigations
    /// header, the timeline's service and message and the note show it; at 120×40 also the details.
    @Test(arguments: [(80, 24, 4), (120, 40, 5)])
    func familyIsOneClusterInEveryPane(width: Int, height: Int, panes: Int) throws {
        let state = Self.state(width: width, height: height)
        let buffer = CanvasRenderer.render(state, width: width, height: height)
        try Snapshot.assertMatches(buffer, named: "wide-cluster-\(width)x\(height)")
        var found = 0
        for y in 0..<height {
            for x in 0..<width where buffer[x, y].grapheme == Self.family {
                found += 1
                #expect(buffer[x + 1, y].grapheme == "", "a continuation cell follows it at \(x),\(y)")
            }
            #expect(!(0..<width).contains { buffer[$0, y].grapheme.unicodeScalars.count > 1 && buffer[$0, y].grapheme != Self.family && buffer[$0, y].grapheme.contains("\u{200D}") },
                    "no part of the sequence stands alone on row \(y)")
        }
        #expect(found >= panes, "the panes that reach it show it whole: \(found)")
        #expect(buffer.textLines().allSatisfy { DisplayWidth.of($0) == width }, "every line is exactly the screen wide")
    }

    @Test func theColumnAfterTheClusterStaysInPlace() throws {
        let state = Self.state(width: 120, height: 40)
        let buffer = CanvasRenderer.render(state, width: 120, height: 40)
        let lines = buffer.textLines()
        // The markers column (★ # &) of the row with the cluster in its service starts where
        // the other rows' markers start.
        let row = try #require(lines.firstIndex { $0.contains(Self.family + "pay") })
        let other = try #require(lines.firstIndex { $0.contains("upstream latency") })
        func column(of text: String, in line: String) -> Int? {
            line.range(of: text).map { DisplayWidth.of(String(line[..<$0.lowerBound])) }
        }
        #expect(column(of: Self.family + " family", in: lines[row]) == column(of: "upstream", in: lines[other]))
    }

    @Test func theNoteEditorOverlayDrawsItWhole() {
        var state = Self.state(width: 80, height: 24)
        state.editor = NoteEditorState(text: "\(Self.family) call the family team", investigationID: 7)
        let buffer = CanvasRenderer.render(state, width: 80, height: 24)
        let cells = (0..<24).flatMap { y in (0..<80).map { buffer[$0, y].grapheme } }
        #expect(cells.filter { $0 == Self.family }.count >= 1)
        #expect(buffer.textLines().allSatisfy { DisplayWidth.of($0) == 80 })
    }
}
