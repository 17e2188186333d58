import InquestViewModel
import Testing
@testable import InquestTerminal

struct KeyDecoderTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let label: String
        let value: UInt32
        let isKeyCode: Bool
        let key: KeyPress?
        var testDescription: String { label }
    }

    // Key codes are ncurses' ABI values (curses.h), written out so the table can be read alone.
    static let cases: [Case] = [
        Case(label: "letter", value: 0x6A, isKeyCode: false, key: .character("j")),
        Case(label: "capital", value: 0x47, isKeyCode: false, key: .character("G")),
        Case(label: "space", value: 0x20, isKeyCode: false, key: .character(" ")),
        Case(label: "slash", value: 0x2F, isKeyCode: false, key: .character("/")),
        Case(label: "non-ASCII", value: 0xE9, isKeyCode: false, key: .character("é")),
        Case(label: "CJK", value: 0x65E5, isKeyCode: false, key: .character("日")),
        Case(label: "ctrl-a", value: 1, isKeyCode: false, key: .control("a")),
        Case(label: "ctrl-s", value: 19, isKeyCode: false, key: .control("s")),
        Case(label: "ctrl-z", value: 26, isKeyCode: false, key: .control("z")),
        Case(label: "tab is not ctrl-i", value: 9, isKeyCode: false, key: .tab),
        Case(label: "LF is enter", value: 10, isKeyCode: false, key: .enter),
        Case(label: "CR is enter", value: 13, isKeyCode: false, key: .enter),
        Case(label: "DEL is backspace", value: 127, isKeyCode: false, key: .backspace),
        Case(label: "BS is backspace", value: 8, isKeyCode: false, key: .backspace),
        Case(label: "ESC", value: 27, isKeyCode: false, key: .escape),
        Case(label: "NUL is ignored", value: 0, isKeyCode: false, key: nil),
        Case(label: "ctrl-backslash is ignored", value: 28, isKeyCode: false, key: nil),
        Case(label: "C1 control is ignored", value: 0x9B, isKeyCode: false, key: nil),
        Case(label: "KEY_DOWN", value: 258, isKeyCode: true, key: .down),
        Case(label: "KEY_UP", value: 259, isKeyCode: true, key: .up),
        Case(label: "KEY_LEFT", value: 260, isKeyCode: true, key: .left),
        Case(label: "KEY_RIGHT", value: 261, isKeyCode: true, key: .right),
        Case(label: "KEY_HOME", value: 262, isKeyCode: true, key: .home),
        Case(label: "KEY_BACKSPACE", value: 263, isKeyCode: true, key: .backspace),
        Case(label: "KEY_F(1)", value: 265, isKeyCode: true, key: .function(1)),
        Case(label: "KEY_F(12)", value: 276, isKeyCode: true, key: .function(12)),
        Case(label: "KEY_F0 alone is not a key", value: 264, isKeyCode: true, key: nil),
        Case(label: "KEY_DC", value: 330, isKeyCode: true, key: .delete),
        Case(label: "KEY_IC", value: 331, isKeyCode: true, key: .insert),
        Case(label: "KEY_NPAGE", value: 338, isKeyCode: true, key: .pageDown),
        Case(label: "KEY_PPAGE", value: 339, isKeyCode: true, key: .pageUp),
        Case(label: "KEY_ENTER", value: 343, isKeyCode: true, key: .enter),
        Case(label: "KEY_BTAB", value: 353, isKeyCode: true, key: .backTab),
        Case(label: "KEY_END", value: 360, isKeyCode: true, key: .end),
        Case(label: "KEY_RESIZE is not a key", value: 410, isKeyCode: true, key: nil),
        Case(label: "KEY_MOUSE is ignored", value: 409, isKeyCode: true, key: nil),
        Case(label: "same number as a character is a letter", value: 0x103, isKeyCode: false, key: .character("ă")),
    ]

    @Test(arguments: cases)
    func decodesCursesInput(_ testCase: Case) {
        #expect(KeyDecoder.decode(testCase.value, isKeyCode: testCase.isKeyCode) == testCase.key)
    }

    @Test func escapeFollowedByACharacterIsAlt() {
        #expect(KeyDecoder.combineEscape(with: .character("x")) == [.alt("x")])
        #expect(KeyDecoder.combineEscape(with: nil) == [.escape])
        #expect(KeyDecoder.combineEscape(with: .down) == [.escape, .down])
        #expect(KeyDecoder.combineEscape(with: .escape) == [.escape, .escape])
    }
}
