import Testing
@testable import InquestViewModel

@Suite struct TextFieldEditingTests {
    private func edited(_ text: String, caret: Int? = nil, _ keys: KeyPress...) -> TextField {
        var field = TextField(text, caret: caret)
        for key in keys {
            let applied = field.apply(key)
            #expect(applied, "\(key.name) is an editing key")
        }
        return field
    }

    @Test func controlWDeletesTheWordBeforeTheCaretAsReadlineDoes() {
        #expect(edited("service:api sev:error  ", .control("w")) == TextField("service:api ", caret: 12))
        #expect(edited("service:api sev:error", caret: 11, .control("w")) == TextField(" sev:error", caret: 0))
        #expect(edited("", .control("w")) == TextField(""))
    }

    @Test func controlUAndControlKKillBeforeAndAfterTheCaret() {
        #expect(edited("abc def", caret: 3, .control("u")) == TextField(" def", caret: 0))
        #expect(edited("abc def", caret: 3, .control("k")) == TextField("abc", caret: 3))
    }

    @Test func altBAndAltFMoveByWords() {
        let field = edited("service:api  timeout", .alt("b"))
        #expect(field.caret == 13)
        #expect(edited("service:api  timeout", .alt("b"), .alt("b")).caret == 8)
        #expect(edited("service:api  timeout", caret: 0, .alt("f")).caret == 7)
        #expect(edited("service:api  timeout", caret: 7, .alt("f"), .alt("f")).caret == 20)
    }

    @Test func altDDeletesTheNextWordAndControlBFMoveByCharacters() {
        #expect(edited("one two", caret: 3, .alt("d")) == TextField("one", caret: 3))
        #expect(edited("abc", .control("b"), .control("b"), .control("f")).caret == 2)
        #expect(edited("abc", caret: 0, .control("e")).caret == 3)
        #expect(edited("abc", .control("a")).caret == 0)
    }

    @Test func editsCountGraphemeClustersNotScalars() {
        #expect(edited("a 👨‍👩‍👧 b", caret: 3, .control("w")) == TextField("a  b", caret: 2))
    }

    @Test func theSameKeysEditEveryPrompt() {
        // The filter bar, the : prompt and the search prompt share the one line editor.
        var state = Fixtures.loadedState()
        _ = state.press(.character("/"))
        _ = state.type("service:api timeout")
        _ = state.press(.control("w"))
        #expect(state.filterBar.editing?.text == "service:api ")
        _ = state.press(.escape, .character(":"))
        _ = state.type("view one")
        _ = state.press(.alt("b"), .control("k"))
        #expect(state.prompt?.field.text == "view ")
    }
}
