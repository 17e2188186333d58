import Testing
@testable import InquestRender

struct ThemeColorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let label: String
        let color: TerminalColor
        let colors: Int
        let expected: TerminalColor
        var testDescription: String { "\(label) at \(colors) colours" }
    }

    static let cases: [Case] = [
        Case(label: "default stays default", color: .default, colors: 8, expected: .default),
        Case(label: "pure red to the cube", color: .rgb(255, 0, 0), colors: 256, expected: .indexed(196)),
        Case(label: "cube colour exact", color: .rgb(95, 135, 175), colors: 256, expected: .indexed(67)),
        Case(label: "grey to the grey ramp", color: .rgb(0x3E, 0x44, 0x51), colors: 256, expected: .indexed(238)),
        Case(label: "near-black grey", color: .rgb(0x28, 0x2C, 0x34), colors: 256, expected: .indexed(236)),
        Case(label: "pastel red stays red", color: .rgb(0xE0, 0x6C, 0x75), colors: 8, expected: .ansi(1)),
        Case(label: "pastel yellow stays yellow", color: .rgb(0xE5, 0xC0, 0x7B), colors: 8, expected: .ansi(3)),
        Case(label: "soft blue stays blue", color: .rgb(0x61, 0xAF, 0xEF), colors: 8, expected: .ansi(4)),
        Case(label: "teal becomes cyan", color: .rgb(0x56, 0xB6, 0xC2), colors: 8, expected: .ansi(6)),
        Case(label: "purple becomes magenta", color: .rgb(0xC6, 0x78, 0xDD), colors: 8, expected: .ansi(5)),
        Case(label: "green stays green", color: .rgb(0x98, 0xC3, 0x79), colors: 8, expected: .ansi(2)),
        Case(label: "light grey becomes white", color: .rgb(0xAB, 0xB2, 0xBF), colors: 8, expected: .ansi(7)),
        Case(label: "dark grey becomes black", color: .rgb(0x21, 0x25, 0x2B), colors: 8, expected: .ansi(0)),
        Case(label: "dark grey becomes bright black with 16", color: .rgb(0x5C, 0x63, 0x70), colors: 16, expected: .ansi(8)),
        Case(label: "light pastel red becomes bright red with 16", color: .rgb(0xFF, 0x5F, 0x5F), colors: 16, expected: .ansi(9)),
        Case(label: "bright ANSI loses brightness at 8", color: .ansi(9), colors: 8, expected: .ansi(1)),
        Case(label: "ANSI kept at 256", color: .ansi(12), colors: 256, expected: .ansi(12)),
        Case(label: "indexed to ANSI at 8", color: .indexed(196), colors: 8, expected: .ansi(1)),
        Case(label: "no colours at all", color: .rgb(255, 0, 0), colors: 2, expected: .default),
    ]

    @Test(arguments: cases)
    func downgradesToWhatTheTerminalHas(_ testCase: Case) {
        #expect(testCase.color.downgraded(to: testCase.colors) == testCase.expected)
    }

    @Test func cursesIndexOfDefaultIsMinusOne() {
        #expect(TerminalColor.default.cursesIndex == -1)
        #expect(TerminalColor.ansi(3).cursesIndex == 3)
        #expect(TerminalColor.indexed(200).cursesIndex == 200)
    }

    @Test func downgradingAThemeDowngradesEveryStyle() throws {
        let theme = try Theme.bundled("dark").downgraded(to: 8)
        for style in theme.styles.values {
            for color in [style.fg, style.bg] {
                switch color {
                case .default: break
                case .ansi(let index): #expect((0..<8).contains(index))
                default: Issue.record("\(color) survived an 8-colour downgrade")
                }
            }
        }
    }
}

struct ResolvedStyleDowngradeTests {
    @Test func greyBackgroundsBecomeReverseVideoOnFewColours() {
        let selection = ResolvedStyle(fg: .default, bg: .rgb(0x3E, 0x44, 0x51))
        #expect(selection.downgraded(to: 8) == ResolvedStyle(reverse: true))
        #expect(selection.downgraded(to: 16) == ResolvedStyle(reverse: true))
        #expect(selection.downgraded(to: 256) == ResolvedStyle(bg: .indexed(238)))
    }

    @Test func greyForegroundsStayVisibleOnFewColours() {
        let muted = ResolvedStyle(fg: .rgb(0x5C, 0x63, 0x70))
        #expect(muted.downgraded(to: 8).fg == .default)
        #expect(muted.downgraded(to: 16).fg == .ansi(8))
        let onAccent = ResolvedStyle(fg: .rgb(0x28, 0x2C, 0x34), bg: .rgb(0xE0, 0x6C, 0x75), bold: true)
        #expect(onAccent.downgraded(to: 8) == ResolvedStyle(fg: .ansi(0), bg: .ansi(1), bold: true))
        #expect(ResolvedStyle(fg: .rgb(0xFA, 0xFA, 0xFA)).downgraded(to: 8).fg == .ansi(7))
    }

    @Test func noColoursLeavesAttributesOnly() {
        let style = ResolvedStyle(fg: .rgb(255, 0, 0), bg: .ansi(4), bold: true)
        #expect(style.downgraded(to: 0) == ResolvedStyle(bold: true))
    }
}
