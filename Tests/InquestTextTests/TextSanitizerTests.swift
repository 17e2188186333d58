import Testing
@testable import InquestText

struct TextSanitizerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let label: String
        let input: String
        let output: String
        var testDescription: String { label }
    }

    static let singleLineCases: [Case] = [
        Case(label: "plain ASCII unchanged", input: "GET /api 200", output: "GET /api 200"),
        Case(label: "Unicode unchanged", input: "café 日本 😀", output: "café 日本 😀"),
        Case(label: "SGR colour removed", input: "\u{1B}[1;31mERROR\u{1B}[0m boom", output: "ERROR boom"),
        Case(label: "cursor movement removed", input: "a\u{1B}[2Jb\u{1B}[10;20Hc", output: "abc"),
        Case(label: "OSC title with BEL removed", input: "x\u{1B}]0;pwned\u{07}y", output: "xy"),
        Case(label: "OSC hyperlink with ST removed", input: "\u{1B}]8;;http://e\u{1B}\\link\u{1B}]8;;\u{1B}\\", output: "link"),
        Case(label: "DCS removed", input: "a\u{1B}Pq#0;2\u{1B}\\b", output: "ab"),
        Case(label: "charset escape removed", input: "a\u{1B}(Bb", output: "ab"),
        Case(label: "two-byte escape removed", input: "a\u{1B}cb", output: "ab"),
        Case(label: "lone ESC at end visible", input: "abc\u{1B}", output: "abc␛"),
        Case(label: "unterminated OSC keeps the text visible", input: "a\u{1B}]0;title", output: "a␛]0;title"),
        Case(label: "8-bit CSI removed", input: "a\u{9B}31mb", output: "ab"),
        Case(label: "other C1 replaced", input: "a\u{85}b", output: "a\u{FFFD}b"),
        Case(label: "NUL and BEL as pictures", input: "a\u{0}b\u{7}c", output: "a␀b␇c"),
        Case(label: "backspace as picture", input: "ab\u{8}c", output: "ab␈c"),
        Case(label: "DEL as picture", input: "a\u{7F}b", output: "a␡b"),
        Case(label: "bidi override removed", input: "abc\u{202E}fed\u{202C}", output: "abcfed"),
        Case(label: "bidi isolates removed", input: "\u{2066}x\u{2069}\u{2067}y\u{2068}", output: "xy"),
        Case(label: "newline as ⏎", input: "line1\nline2", output: "line1⏎line2"),
        Case(label: "CRLF as one ⏎", input: "line1\r\nline2", output: "line1⏎line2"),
        Case(label: "lone CR as ⏎", input: "50%\r100%", output: "50%⏎100%"),
        Case(label: "line separator as ⏎", input: "a\u{2028}b", output: "a⏎b"),
        Case(label: "tab to stop 4", input: "ab\tc", output: "ab  c"),
        Case(label: "tab at a stop is a full stop", input: "abcd\te", output: "abcd    e"),
        Case(label: "tab after wide text", input: "日\tx", output: "日  x"),
    ]

    @Test(arguments: singleLineCases)
    func sanitizesOneLine(_ testCase: Case) {
        #expect(TextSanitizer.singleLine(testCase.input) == testCase.output)
    }

    @Test func splitsLinesAndSanitizesEach() {
        #expect(TextSanitizer.lines("a\nb\r\nc") == ["a", "b", "c"])
        #expect(TextSanitizer.lines("one\n") == ["one"])
        #expect(TextSanitizer.lines("") == [""])
        #expect(TextSanitizer.lines("\n\n") == ["", ""])
        #expect(TextSanitizer.lines("\tx\n\ty") == ["    x", "    y"])
        #expect(TextSanitizer.lines("\u{1B}[31mred\u{1B}[0m\nplain") == ["red", "plain"])
    }

    @Test func sanitizedOutputHasNoControls() {
        let hostile = "\u{1B}[31m\u{0}\u{1}\u{7F}\u{85}\u{9B}2J\u{202E}\u{1B}]52;c;AAAA\u{7}\r\n\t"
        let clean = TextSanitizer.singleLine(hostile)
        for scalar in clean.unicodeScalars {
            #expect(scalar.value >= 0x20 && !(0x7F...0x9F).contains(scalar.value))
            #expect(!(0x202A...0x202E).contains(scalar.value))
        }
    }
}
