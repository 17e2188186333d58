import InquestCore
import Testing
@testable import InquestViewModel

/// Overlay keys go through the keymap's overlay sections, so users can rebind them.
@Suite struct OverlayKeymapTests {
    static func environment(userKeymap: String) throws -> CanvasEnvironment {
        var environment = Fixtures.environment
        environment.keymap = try Keymap.loading(userText: userKeymap, source: "keymap")
        return environment
    }

    @Test func theDefaultOverlaySectionsBindTheDocumentedKeys() {
        let keymap = Keymap.defaults
        #expect(keymap.invocation(for: .character("q"), in: .help) == CommandInvocation(.overlayClose))
        #expect(keymap.invocation(for: .character(" "), in: .help) == CommandInvocation(.helpPageDown))
        #expect(keymap.invocation(for: .up, in: .filter) == CommandInvocation(.filterHistoryPrevious))
        #expect(keymap.invocation(for: .control("r"), in: .editor) == CommandInvocation(.noteCite))
        #expect(keymap.invocation(for: .backTab, in: .form) == CommandInvocation(.formPreviousField))
        // No fallback to [global]: `q` types a q in the filter bar.
        #expect(keymap.invocation(for: .character("q"), in: .filter) == nil)
    }

    @Test func aReboundHelpKeyClosesTheHelpAndTheOldOneNoLonger() throws {
        // Given a keymap that closes the help with x instead of q
        let environment = try Self.environment(userKeymap: "[help]\nx  overlay.close\nq  none")
        var state = Fixtures.loadedState()
        _ = state.press(.character("?"), environment: environment)
        // When q, then x are pressed
        _ = state.press(.character("q"), environment: environment)
        // Then q did nothing and x closed it
        #expect(state.help != nil)
        _ = state.press(.character("x"), environment: environment)
        #expect(state.help == nil)
    }

    @Test func anUnboundEditorKeyEditsTheTextInstead() throws {
        // Given ctrl-s unbound in the editor and alt-s bound to save
        let environment = try Self.environment(userKeymap: "[editor]\nctrl-s  none\nalt-s  note.save")
        var state = Fixtures.loadedState()
        state.investigations.selected = 1
        _ = state.press(.character("a"), environment: environment)
        _ = state.type("hi", environment: environment)
        // When ctrl-s, then alt-s are pressed
        #expect(state.press(.control("s"), environment: environment) == [])
        #expect(state.editor != nil)
        let effects = state.press(.alt("s"), environment: environment)
        // Then alt-s saved the note
        #expect(state.editor == nil)
        #expect(effects == [.saveNote(NoteDraft(investigationID: 7, eventID: 100, body: "hi"))])
    }

    @Test func anOverlayCommandOutsideItsOverlaySaysWhereItWorks() {
        var state = Fixtures.loadedState()
        _ = state.press(.character(":"))
        _ = state.type("note.save")
        _ = state.press(.enter)
        #expect(state.status?.text.hasPrefix("note.save works inside an overlay") == true)
    }
}
