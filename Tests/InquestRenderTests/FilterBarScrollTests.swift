import InquestCore
@testable import InquestRender
import InquestText
import InquestViewModel
import Testing

/// The filter bar scrolls a long line so the caret stays visible, at a cost that does not grow
/// with the line's length.
@Suite struct FilterBarScrollTests {
    /// The fewest characters to skip so the text before the caret fits, measuring each candidate
    /// whole (how the bar scrolled before, one full measure per skipped character).
    static func measuredOffset(_ characters: [Character], caret: Int, available: Int) -> Int {
        var skip = 0
        while DisplayWidth.of(String(characters[skip..<caret])) > available, skip < caret { skip += 1 }
        return skip
    }

    static let texts = [
        "service:api severity>=error timeout",
        "支付 errors 支付失败 用户取消 payments",
        "flags 🇫🇷🇩🇪 and 👩‍💻 dev e\u{301}te\u{301}",
        "zero\u{200B}width and a lone \u{301} mark",
        "a tab\there and an\u{1B}[31mescape\u{1B}[0m and a\nline break",
    ]

    @Test(arguments: texts)
    func scrollOffsetIsTheFewestSkippedCharactersThatFit(_ text: String) {
        let characters = Array(text)
        for caret in 0...characters.count {
            for available in [1, 2, 3, 5, 8, 13, 40] {
                #expect(
                    FilterBarView.scrollOffset(characters, caret: caret, available: available)
                        == Self.measuredOffset(characters, caret: caret, available: available),
                    "caret \(caret), \(available) columns"
                )
            }
        }
    }

    @Test func scrollingALongLineMeasuresOnlyTheVisibleCharacters() {
        // Given a 16,000-character line (a paste) with the caret at its end, then in its middle
        let characters = Array(String(repeating: "service:api ", count: 1_400).prefix(16_000))
        for caret in [16_000, 8_000] {
            var measured = 0

            // When the bar works out how far to scroll for 78 columns
            let skip = FilterBarView.scrollOffset(characters, caret: caret, available: 78) { character in
                measured += 1
                return DisplayWidth.of(character)
            }

            // Then it looked at the visible characters and the one that did not fit, no more
            #expect(skip == caret - 78)
            #expect(measured == 79)
        }
    }

    @Test func aLongPastedFilterShowsItsEndWithTheCaretAfterIt() {
        // Given 16,000 characters in the filter bar, caret at the end
        var state = SnapshotFixture.state(width: 80, height: 24)
        let text = String(repeating: "severity>=error ", count: 999) + "service:payments"
        state.filterBar.editing = TextField(text)

        // When the canvas is drawn
        let buffer = CanvasRenderer.render(state, width: 80, height: 24)

        // Then the bar shows the end of the text and the caret in the cell after it
        let row = buffer.textLines()[22]
        #expect(row.hasPrefix("/") && row.contains("severity>=error service:payments"))
        #expect(buffer[79, 22].role == StyleRole.filterbarCaret)
        #expect(buffer[78, 22].grapheme == "s")
    }
}
