import InquestText
import InquestViewModel
import Testing
@testable import InquestRender

struct BufferDiffTests {
    typealias Run = BufferDiff.Run

    /// A fake terminal: applies runs to a grid of columns the way curses does (each grapheme
    /// advances by its display width), then reads rows back as `textLines()` would.
    struct Screen {
        var rows: [[String]]
        init(_ buffer: CellBuffer) {
            rows = (0..<buffer.height).map { y in (0..<buffer.width).map { x in buffer[x, y].grapheme } }
        }
        mutating func apply(_ runs: [Run]) {
            for run in runs {
                var x = run.x
                for grapheme in run.text {
                    let columns = DisplayWidth.of(grapheme)
                    rows[run.y][x] = String(grapheme)
                    if columns == 2 { rows[run.y][x + 1] = "" }
                    x += columns
                }
                #expect(x - run.x == run.columns, "run text width must equal its columns: \(run)")
            }
        }
        var lines: [String] { rows.map { $0.joined() } }
    }

    @Test func fullRedrawWithoutAPreviousFrame() {
        var next = CellBuffer(width: 4, height: 2)
        next.put("ab", x: 0, y: 0, role: "dim")
        let runs = BufferDiff.runs(from: nil, to: next)
        #expect(runs == [
            Run(x: 0, y: 0, role: "dim", text: "ab", columns: 2),
            Run(x: 2, y: 0, role: .base, text: "  ", columns: 2),
            Run(x: 0, y: 1, role: .base, text: "    ", columns: 4),
        ])
    }

    @Test func identicalFramesProduceNoRuns() {
        var buffer = CellBuffer(width: 10, height: 3)
        buffer.put("日本 text", x: 0, y: 1, role: .base)
        #expect(BufferDiff.runs(from: buffer, to: buffer).isEmpty)
    }

    @Test func onlyChangedCellsAreRedrawnGroupedByRole() {
        var previous = CellBuffer(width: 10, height: 2)
        previous.put("hello", x: 0, y: 0, role: .base)
        var next = previous
        next.put("J", x: 0, y: 0, role: .base)
        next.put("XY", x: 3, y: 0, role: "selection")
        next.put("Z", x: 5, y: 0, role: .base)
        #expect(BufferDiff.runs(from: previous, to: next) == [
            Run(x: 0, y: 0, role: .base, text: "J", columns: 1),
            Run(x: 3, y: 0, role: "selection", text: "XY", columns: 2),
            Run(x: 5, y: 0, role: .base, text: "Z", columns: 1),
        ])
    }

    @Test func aRoleChangeAloneIsARun() {
        var previous = CellBuffer(width: 5, height: 1)
        previous.put("row", x: 0, y: 0, role: .base)
        var next = previous
        next.setRole(.selection, in: Rect(x: 0, y: 0, width: 5, height: 1))
        #expect(BufferDiff.runs(from: previous, to: next) == [Run(x: 0, y: 0, role: .selection, text: "row  ", columns: 5)])
    }

    @Test func neverSplitsAWideGrapheme() {
        var previous = CellBuffer(width: 6, height: 1)
        previous.put("日本", x: 0, y: 0, role: .base)
        var next = previous
        // Only the continuation cell of 本 differs in role: the whole grapheme is redrawn.
        next.setRole("dim", in: Rect(x: 3, y: 0, width: 1, height: 1))
        #expect(BufferDiff.runs(from: previous, to: next) == [Run(x: 2, y: 0, role: .base, text: "本", columns: 2)])
    }

    @Test func replacingAWideGraphemeWithNarrowOnesRedrawsBothColumns() {
        var previous = CellBuffer(width: 4, height: 1)
        previous.put("日x", x: 0, y: 0, role: .base)
        var next = previous
        next.put("ab", x: 0, y: 0, role: .base)
        #expect(BufferDiff.runs(from: previous, to: next) == [Run(x: 0, y: 0, role: .base, text: "ab", columns: 2)])
    }

    @Test func aSizeChangeIsAFullRedraw() {
        let previous = CellBuffer(width: 3, height: 1)
        let next = CellBuffer(width: 4, height: 1)
        #expect(BufferDiff.runs(from: previous, to: next) == [Run(x: 0, y: 0, role: .base, text: "    ", columns: 4)])
    }

    @Test func cellsThatWouldBreakColumnsAreDrawnAsSpaces() {
        var next = CellBuffer(width: 5, height: 1)
        next[0, 0] = Cell(grapheme: "\u{1B}")   // a control written around put()
        next[1, 0] = Cell(grapheme: "日")        // wide, but no continuation after it
        next[2, 0] = Cell(grapheme: "x")
        next[3, 0] = Cell(grapheme: "")         // stray continuation after a narrow grapheme
        let runs = BufferDiff.runs(from: nil, to: next)
        #expect(runs == [Run(x: 0, y: 0, role: .base, text: "  x  ", columns: 5)])
    }

    @Test func applyingTheRunsToThePreviousFrameGivesTheNextFrame() {
        let texts = ["plain ascii line", "日本語のテキスト", "mixed 中文 and 😀 emoji", "🇫🇷 flag e\u{301}", "", "tab\there"]
        var previous = CellBuffer(width: 18, height: 4)
        for frame in 0..<12 {
            var next = CellBuffer(width: 18, height: 4)
            for row in 0..<4 {
                let text = texts[(frame + row * 5) % texts.count]
                next.put(text, x: (frame + row) % 3, y: row, role: frame % 2 == 0 ? .base : "dim")
            }
            if frame % 4 == 0 { next.setRole(.selection, in: Rect(x: 0, y: frame % 4, width: 18, height: 1)) }
            var screen = Screen(previous)
            screen.apply(BufferDiff.runs(from: previous, to: next))
            #expect(screen.lines == next.textLines(), "frame \(frame)")
            previous = next
        }
    }
}
