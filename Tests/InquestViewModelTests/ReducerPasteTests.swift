import InquestCore
import Testing
@testable import InquestViewModel

@Suite struct ReducerPasteTests {
    let env = Fixtures.environment

    @Test func sixteenThousandCharactersPastedIntoTheFilterBarAreOneEdit() {
        // Given the filter bar open with "ab" and the caret between the two letters
        var state = Fixtures.loadedState()
        _ = state.press(.character("/"))
        _ = state.type("ab")
        _ = state.press(.left)
        var expected = state
        let pasted = String(String(repeating: "service:api ", count: 1_400).prefix(16_000))

        // When 16,000 characters are pasted
        let effects = reduce(&state, .pasted(pasted), environment: env)

        // Then one edit put them at the caret and moved the caret after them; nothing else changed
        expected.filterBar.editing = TextField("a" + pasted + "b", caret: 16_001)
        #expect(state == expected)
        #expect(effects.isEmpty)
    }

    @Test func lineBreaksPastedIntoOneLineFieldsBecomeSpaces() {
        var state = Fixtures.loadedState()
        _ = state.press(.character(":"))
        _ = reduce(&state, .pasted("filter\nseverity>=error"), environment: env)
        #expect(state.prompt?.field == TextField("filter severity>=error"))
    }

    @Test func thePasteGoesIntoTheFocusedFieldOfTheForm() {
        var state = Fixtures.loadedState()
        state.form = InvestigationFormState(draft: InvestigationDraft(title: "Pool"), focused: .title, error: "The title is empty")
        _ = reduce(&state, .pasted(" exhaustion\r\nafter deploy"), environment: env)
        #expect(state.form?.title == TextField("Pool exhaustion after deploy"))
        #expect(state.form?.error == nil)

        state.form?.focused = .status
        let before = state
        _ = reduce(&state, .pasted("resolved"), environment: env)
        #expect(state == before)
    }

    @Test func theNoteEditorKeepsPastedLines() {
        var state = Fixtures.loadedState()
        var editor = NoteEditorState(text: "before after", investigationID: 1)
        editor.column = 7
        state.editor = editor

        _ = reduce(&state, .pasted("one\ntwo\nthree "), environment: env)

        #expect(state.editor?.lines == ["before one", "two", "three after"])
        #expect(state.editor?.row == 2 && state.editor?.column == 6)
    }

    @Test func withNoTextFieldOpenAPasteIsNeverTakenAsKeys() {
        // Given the timeline focused, where `q` quits and `d` deletes
        var state = Fixtures.loadedState()
        var expected = state

        // When text full of command keys is pasted
        let effects = reduce(&state, .pasted("qqq dd /x"), environment: env)

        // Then nothing ran; the status line says why
        expected.status = StatusMessage(.info, "Paste ignored — open a text field first (/ to filter, : for a command)")
        #expect(state == expected)
        #expect(effects.isEmpty)
    }

    @Test(arguments: [
        ("plain", "service:api", ["service:api"]),
        ("CR LF, CR, LF, NEL and U+2028 break lines", "a\r\nb\rc\nd\u{85}e\u{2028}f", ["a", "b", "c", "d", "e", "f"]),
        ("tab is a space", "a\tb", ["a b"]),
        ("controls and bidi overrides go", "a\u{1B}[31mb\u{7}\u{9B}c\u{202E}d\u{2066}", ["a[31mbcd"]),
        ("trailing line break", "a\n", ["a", ""]),
    ])
    func pastedTextIsSanitisedIntoLines(_ label: String, _ raw: String, _ lines: [String]) {
        #expect(PastedText.lines(raw) == lines, "\(label)")
        #expect(PastedText.sanitized(raw) == lines.joined(separator: "\n"), "\(label)")
        #expect(PastedText.singleLine(raw) == lines.joined(separator: " "), "\(label)")
    }
}
