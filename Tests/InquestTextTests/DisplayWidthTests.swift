import Testing
@testable import InquestText

struct DisplayWidthTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let label: String
        let text: String
        let columns: Int
        var testDescription: String { label }
    }

    static let stringCases: [Case] = [
        Case(label: "empty", text: "", columns: 0),
        Case(label: "ASCII", text: "hello, world", columns: 12),
        Case(label: "CJK", text: "日本語", columns: 6),
        Case(label: "Hangul", text: "한국어", columns: 6),
        Case(label: "mixed ASCII and CJK", text: "db:主库", columns: 7),
        Case(label: "combining é as e+U+0301", text: "caf\u{65}\u{301}", columns: 4),
        Case(label: "precomposed é", text: "café", columns: 4),
        Case(label: "emoji presentation", text: "😀", columns: 2),
        Case(label: "ZWJ family", text: "👨‍👩‍👧‍👦", columns: 2),
        Case(label: "ZWJ technologist", text: "👩‍💻", columns: 2),
        Case(label: "flag", text: "🇫🇷", columns: 2),
        Case(label: "two flags", text: "🇫🇷🇩🇪", columns: 4),
        Case(label: "text-default emoji with VS16", text: "❤️", columns: 2),
        Case(label: "text-default emoji alone", text: "❤", columns: 1),
        Case(label: "keycap", text: "1️⃣", columns: 2),
        Case(label: "skin tone modifier", text: "👍🏽", columns: 2),
        Case(label: "full-width colon", text: "：", columns: 2),
        Case(label: "full-width latin", text: "ＡＢ", columns: 4),
        Case(label: "zero-width space", text: "a\u{200B}b", columns: 2),
        Case(label: "lone ZWJ", text: "\u{200D}", columns: 0),
        Case(label: "lone combining mark", text: "\u{301}", columns: 0),
        Case(label: "tab expands to the next stop of 4", text: "a\tb", columns: 5),
        Case(label: "leading tab", text: "\tat Foo", columns: 10),
        Case(label: "CSI colour sequence is not drawn", text: "\u{1B}[31mred\u{1B}[0m", columns: 3),
        Case(label: "BEL shows as one picture", text: "a\u{07}b", columns: 3),
        Case(label: "newline shows as ⏎", text: "a\nb", columns: 3),
        Case(label: "box drawing", text: "┌─┐", columns: 3),
        Case(label: "Greek and Cyrillic", text: "αβγ жзи", columns: 7),
    ]

    @Test(arguments: stringCases)
    func measuresStringsInDisplayColumns(_ testCase: Case) {
        #expect(DisplayWidth.of(testCase.text) == testCase.columns)
    }

    struct GraphemeCase: Sendable, CustomTestStringConvertible {
        let label: String
        let grapheme: Character
        let columns: Int
        var testDescription: String { label }
    }

    static let graphemeCases: [GraphemeCase] = [
        GraphemeCase(label: "letter", grapheme: "a", columns: 1),
        GraphemeCase(label: "space", grapheme: " ", columns: 1),
        GraphemeCase(label: "tab on its own is a control", grapheme: "\t", columns: 0),
        GraphemeCase(label: "NUL", grapheme: "\u{0}", columns: 0),
        GraphemeCase(label: "ESC", grapheme: "\u{1B}", columns: 0),
        GraphemeCase(label: "DEL", grapheme: "\u{7F}", columns: 0),
        GraphemeCase(label: "C1 CSI", grapheme: "\u{9B}", columns: 0),
        GraphemeCase(label: "CRLF", grapheme: "\r\n", columns: 0),
        GraphemeCase(label: "ideograph", grapheme: "中", columns: 2),
        GraphemeCase(label: "hiragana", grapheme: "あ", columns: 2),
        GraphemeCase(label: "e + combining acute", grapheme: "e\u{301}", columns: 1),
        GraphemeCase(label: "emoji", grapheme: "😀", columns: 2),
        GraphemeCase(label: "flag", grapheme: "🇯🇵", columns: 2),
        GraphemeCase(label: "zero-width space", grapheme: "\u{200B}", columns: 0),
        GraphemeCase(label: "ellipsis", grapheme: "…", columns: 1),
        GraphemeCase(label: "CJK extension B", grapheme: "\u{20000}", columns: 2),
    ]

    @Test(arguments: graphemeCases)
    func measuresGraphemesAsZeroOneOrTwo(_ testCase: GraphemeCase) {
        #expect(DisplayWidth.of(testCase.grapheme) == testCase.columns)
    }

    @Test func truncatesByColumnsWithEllipsis() {
        #expect(DisplayWidth.truncate("hello world", to: 5) == "hell…")
        #expect(DisplayWidth.truncate("hello", to: 5) == "hello")
        #expect(DisplayWidth.truncate("hello", to: 0) == "")
        #expect(DisplayWidth.truncate("hello", to: 1) == "…")
        #expect(DisplayWidth.truncate("日本語テキスト", to: 7) == "日本語…")
        // A wide grapheme that would straddle the limit is dropped: 6 columns asked, 5 drawn.
        #expect(DisplayWidth.truncate("日本語テキスト", to: 6) == "日本…")
        #expect(DisplayWidth.truncate("a\u{1B}[1mbold\u{1B}[0m text", to: 6) == "abold…")
    }

    @Test func padsToExactColumns() {
        #expect(DisplayWidth.pad("ab", to: 4) == "ab  ")
        #expect(DisplayWidth.pad("日本", to: 5) == "日本 ")
        #expect(DisplayWidth.pad("abcdef", to: 4) == "abc…")
        #expect(DisplayWidth.of(DisplayWidth.pad("日本語テキスト", to: 6)) == 6)
    }

    @Test func wideTableIsSortedAndDisjoint() {
        let ranges = DisplayWidth.wideRanges
        for (previous, next) in zip(ranges, ranges.dropFirst()) {
            #expect(previous.0 <= previous.1)
            #expect(previous.1 < next.0)
        }
    }
}
