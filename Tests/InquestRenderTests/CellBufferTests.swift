import InquestViewModel
import Testing
@testable import InquestRender

struct CellBufferTests {
    @Test func startsBlankAndIgnoresOutOfRange() {
        var buffer = CellBuffer(width: 3, height: 2)
        #expect(buffer.textLines() == ["   ", "   "])
        buffer[5, 5] = Cell(grapheme: "x")
        buffer[-1, 0] = Cell(grapheme: "x")
        #expect(buffer[5, 5] == .blank)
        #expect(buffer.textLines() == ["   ", "   "])
        buffer[1, 1] = Cell(grapheme: "x", role: "dim")
        #expect(buffer[1, 1] == Cell(grapheme: "x", role: "dim"))
        #expect(buffer.textLines() == ["   ", " x "])
    }

    @Test func putsTextAndReturnsColumnsUsed() {
        var buffer = CellBuffer(width: 10, height: 1)
        let used = buffer.put("hello", x: 2, y: 0, role: "timeline.message")
        #expect(used == 5)
        #expect(buffer.textLines() == ["  hello   "])
        #expect(buffer[2, 0].role == "timeline.message")
        #expect(buffer[7, 0].role == .base)
    }

    @Test func truncatesWithEllipsisAtTheClipEdge() {
        var buffer = CellBuffer(width: 10, height: 2)
        #expect(buffer.put("hello world", x: 0, y: 0, maxWidth: 6, role: .base) == 6)
        #expect(buffer.put("hello world", x: 0, y: 1, role: .base) == 10)
        #expect(buffer.textLines() == ["hello…    ", "hello wor…"])
    }

    @Test func clipsWithoutEllipsisWhenTruncateIsOff() {
        var buffer = CellBuffer(width: 8, height: 1)
        #expect(buffer.put("abcdefghij", x: 3, y: 0, role: .base, truncate: false) == 5)
        #expect(buffer.textLines() == ["   abcde"])
    }

    @Test func rendersDoubleWidthGraphemesWithContinuationCells() {
        var buffer = CellBuffer(width: 6, height: 1)
        #expect(buffer.put("日本a", x: 0, y: 0, role: .base) == 5)
        #expect(buffer[0, 0].grapheme == "日")
        #expect(buffer[1, 0].grapheme == "")
        #expect(buffer[2, 0].grapheme == "本")
        #expect(buffer[3, 0].grapheme == "")
        #expect(buffer[4, 0].grapheme == "a")
        #expect(buffer.textLines() == ["日本a "])
    }

    @Test func neverHalfDrawsAWideGraphemeAtTheClipEdge() {
        var buffer = CellBuffer(width: 5, height: 2)
        // "ab" + 日 (2 columns) fits 4; 本 would straddle column 4 → space, and with no truncation.
        buffer.put("ab日本", x: 0, y: 0, role: .base, truncate: false)
        // With truncation the last column is "…"; 日 would straddle it and becomes a space.
        buffer.put("abc日本", x: 0, y: 1, role: .base)
        #expect(buffer.textLines() == ["ab日 ", "abc …"])
    }

    @Test func emojiFlagsAndCombiningMarksOccupyTheirWidths() {
        var buffer = CellBuffer(width: 8, height: 1)
        #expect(buffer.put("e\u{301}🇫🇷👩‍💻", x: 0, y: 0, role: .base) == 5)
        #expect(buffer[0, 0].grapheme == "e\u{301}")
        #expect(buffer[1, 0].grapheme == "🇫🇷")
        #expect(buffer[3, 0].grapheme == "👩‍💻")
        #expect(buffer[4, 0].grapheme == "")
    }

    @Test func sanitizesUntrustedTextBeforeDrawing() {
        var buffer = CellBuffer(width: 12, height: 1)
        buffer.put("\u{1B}[31mred\u{1B}[0m\nx\u{7}", x: 0, y: 0, role: .base)
        #expect(buffer.textLines() == ["red⏎x␇      "])
    }

    @Test func overwritingHalfOfAWideGraphemeBlanksTheOtherHalf() {
        var buffer = CellBuffer(width: 4, height: 1)
        buffer.put("日本", x: 0, y: 0, role: .base)
        buffer[1, 0] = Cell(grapheme: "x")
        buffer[2, 0] = Cell(grapheme: "y")
        #expect(buffer.textLines() == [" xy "])
    }

    @Test func fillsAndRestylesRectanglesClippedToTheBuffer() {
        var buffer = CellBuffer(width: 4, height: 3)
        buffer.fill(Rect(x: 2, y: 1, width: 10, height: 10), with: Cell(grapheme: "#", role: "dim"))
        buffer.put("ab", x: 0, y: 0, role: .base)
        buffer.setRole("selection", in: Rect(x: 0, y: 0, width: 4, height: 1))
        #expect(buffer.textLines() == ["ab  ", "  ##", "  ##"])
        var legend: [StyleRole: Character] = [:]
        #expect(buffer.roleLines(legend: &legend) == ["aaaa", "..bb", "..bb"])
        #expect(legend == [.base: ".", "selection": "a", "dim": "b"])
    }

    @Test func roleLettersAreStableAcrossCallsSharingALegend() {
        var first = CellBuffer(width: 2, height: 1)
        first.put("x", x: 1, y: 0, role: "dim")
        var second = CellBuffer(width: 2, height: 1)
        second.put("y", x: 0, y: 0, role: "selection")
        second.put("z", x: 1, y: 0, role: "dim")
        var legend: [StyleRole: Character] = [:]
        #expect(first.roleLines(legend: &legend) == [".a"])
        #expect(second.roleLines(legend: &legend) == ["ba"])
    }

    @Test func drawsABoxWithItsTitleInTheTopBorder() {
        var buffer = CellBuffer(width: 16, height: 3)
        buffer.box(Rect(x: 0, y: 0, width: 16, height: 3), title: "Timeline", role: "pane.border", titleRole: "pane.title")
        #expect(buffer.textLines() == [
            "┌ Timeline ────┐",
            "│              │",
            "└──────────────┘",
        ])
        #expect(buffer[2, 0].role == "pane.title")
        #expect(buffer[0, 0].role == "pane.border")
    }

    @Test func truncatesABoxTitleThatDoesNotFit() {
        var buffer = CellBuffer(width: 8, height: 2)
        buffer.box(Rect(x: 0, y: 0, width: 8, height: 2), title: "Investigations", role: .base, titleRole: .base)
        #expect(buffer.textLines() == ["┌ Inve…┐", "└──────┘"])
    }

    @Test func putOutsideTheBufferDrawsNothing() {
        var buffer = CellBuffer(width: 3, height: 1)
        #expect(buffer.put("abc", x: 0, y: 1, role: .base) == 0)
        #expect(buffer.put("abc", x: 3, y: 0, role: .base) == 0)
        #expect(buffer.textLines() == ["   "])
    }
}

struct CellBufferBlitTests {
    @Test func blitsAPaneBufferIntoTheScreen() {
        var pane = CellBuffer(width: 4, height: 2)
        pane.put("ab", x: 0, y: 0, role: "dim")
        var screen = CellBuffer(width: 6, height: 3)
        screen.fill(screen.bounds, with: Cell(grapheme: "."))
        screen.blit(pane, x: 1, y: 1)
        #expect(screen.textLines() == ["......", ".ab  .", ".    ."])
        #expect(screen[1, 1].role == "dim")
    }

    @Test func blitClipsWithoutHalfDrawingWideGraphemes() {
        var pane = CellBuffer(width: 4, height: 1)
        pane.put("日本", x: 0, y: 0, role: .base)
        var screen = CellBuffer(width: 3, height: 1)
        screen.blit(pane, x: 0, y: 0)
        #expect(screen.textLines() == ["日 "])
        var left = CellBuffer(width: 3, height: 1)
        left.blit(pane, x: -1, y: 0)
        #expect(left.textLines() == [" 本"])
    }
}
