import Foundation
import Testing
@testable import InquestViewModel

@Suite struct KeymapTests {
    @Test func theDefaultKeymapParsesAndBindsTheDocumentedKeys() throws {
        let keymap = try Keymap(parsing: DefaultKeymap.text, source: "default.keymap")
        #expect(keymap == Keymap.defaults)
        #expect(keymap.invocation(for: .character("q"), in: .timeline) == CommandInvocation(.quit))
        #expect(keymap.invocation(for: .control("d"), in: .timeline) == CommandInvocation(.halfPageDown))
        #expect(keymap.invocation(for: .backTab, in: .details) == CommandInvocation(.focusPrevious))
    }

    @Test func everyCommandHasAKeyOrIsReachableByName() {
        let unbound = CanvasCommand.allCases.filter { HelpGenerator.keys(for: $0, in: .defaults).isEmpty }
        // Both take an argument: `:untag NAME`, `:event ID`.
        #expect(unbound == [.jumpToEvent, .untag])
    }

    @Test func aPaneBindingWinsOverTheGlobalOne() {
        let keymap = Keymap.defaults
        #expect(keymap.invocation(for: .character("E"), in: .timeline) == CommandInvocation(.previousError))
        #expect(keymap.invocation(for: .character("E"), in: .notes) == CommandInvocation(.editNoteExternally))
        #expect(keymap.invocation(for: .enter, in: .investigations) == CommandInvocation(.editInvestigation))
        #expect(keymap.invocation(for: .enter, in: .timeline) == CommandInvocation(.focusDetails))
        #expect(keymap.invocation(for: .enter, in: .details) == nil)
    }

    @Test func userBindingsOverrideDefaultsAndCanCarryArguments() throws {
        let user = """
        # mine
        [global]
        x        filter severity>=error
        q        none
        ctrl-q   quit

        [timeline]
        j        cursor.up
        """
        let keymap = try Keymap.loading(userText: user, source: "keymap")
        #expect(keymap.invocation(for: .character("x"), in: .details) == CommandInvocation(.filter, argument: "severity>=error"))
        #expect(keymap.invocation(for: .character("q"), in: .details) == nil)
        #expect(keymap.invocation(for: .control("q"), in: .details) == CommandInvocation(.quit))
        #expect(keymap.invocation(for: .character("j"), in: .timeline) == CommandInvocation(.cursorUp))
        #expect(keymap.invocation(for: .character("j"), in: .notes) == CommandInvocation(.cursorDown))
    }

    static let errorCases: [(String, ViewModelError)] = [
        ("j  cursor.down\nctlr-x  quit", ViewModelError.unknownKey(source: "keymap", line: 2, name: "ctlr-x")),
        ("\n\nj  cursor.sideways", .unknownCommand(source: "keymap", line: 3, name: "cursor.sideways")),
        ("[sidebar]\nj cursor.down", .unknownSection(source: "keymap", line: 1, name: "sidebar")),
        ("# c\nj", .missingCommand(source: "keymap", line: 2, key: "j")),
    ]

    @Test(arguments: errorCases)
    func errorsNameTheLine(text: String, error: ViewModelError) {
        #expect(throws: error) { try Keymap(parsing: text, source: "keymap") }
    }

    @Test func errorMessagesSayWhereAndWhatToDo() {
        let error = ViewModelError.unknownKey(source: "/home/a/.config/inquest/keymap", line: 4, name: "ctlr-x")
        #expect(error.description == "/home/a/.config/inquest/keymap:4: unknown key \"ctlr-x\" — use a character or a name like ctrl-s, alt-x, shift-tab, pgdn, esc, space, f1")
    }

    static let keyCases: [(String, KeyPress)] = [
        ("j", KeyPress.character("j")), ("G", .character("G")), ("ctrl-s", .control("s")), ("C-s", .control("s")),
        ("alt-x", .alt("x")), ("shift-tab", .backTab), ("PgDn", .pageDown), ("esc", .escape),
        ("space", .character(" ")), ("hash", .character("#")), ("f5", .function(5)), ("enter", .enter),
    ]

    @Test(arguments: keyCases)
    func keyNamesRoundTrip(name: String, key: KeyPress) throws {
        #expect(KeyPress(name: name) == key)
        let canonical = key.name
        #expect(KeyPress(name: canonical) == key)
    }

    @Test func theCommandLineParsesNamesAliasesAndArguments() {
        #expect(CommandInvocation(parsing: ":q") == CommandInvocation(.quit))
        #expect(CommandInvocation(parsing: "tag  suspect one ") == CommandInvocation(.tag, argument: "suspect one"))
        #expect(CommandInvocation(parsing: "timeline.next-error") == CommandInvocation(.nextError))
        #expect(CommandInvocation(parsing: "nope") == nil)
        #expect(CommandInvocation(parsing: "  ") == nil)
    }
}

@Suite struct KeymapLocationTests {
    @Test func xdgConfigHomeWinsOverHome() {
        #expect(Keymap.userFilePath(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/inquest/keymap")
        #expect(Keymap.userFilePath(environment: ["XDG_CONFIG_HOME": "", "HOME": "/h"]) == "/h/.config/inquest/keymap")
        #expect(Keymap.userFilePath(environment: [:]) == nil)
    }
}
