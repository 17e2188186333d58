import InquestCore

extension CanvasReducer {
    /// Keys while the help overlay is open: scroll, or close with ESC / q / ?.
    static func helpKey(_ state: inout CanvasState, _ key: KeyPress) -> [CanvasEffect] {
        guard var help = state.help else { return [] }
        let page = max(1, state.height - 4)
        switch key {
        case .escape, .character("q"), .character("?"):
            state.help = nil
            return []
        case .down, .character("j"): help.scroll += 1
        case .up, .character("k"): help.scroll -= 1
        case .pageDown, .control("d"), .control("f"), .character(" "): help.scroll += page
        case .pageUp, .control("u"), .control("b"): help.scroll -= page
        case .home, .character("g"): help.scroll = 0
        case .end, .character("G"): help.scroll = help.lines.count
        default: return []
        }
        help.scroll = max(0, min(help.scroll, help.lines.count - page))
        state.help = help
        return []
    }

    /// Keys while the `/` filter bar is open.
    static func filterKey(_ state: inout CanvasState, _ key: KeyPress, environment: CanvasEnvironment) -> [CanvasEffect] {
        guard var field = state.filterBar.editing else { return [] }
        switch key {
        case .escape:
            state.filterBar.editing = nil
            state.filterBar.problem = nil
            state.filterBar.historyIndex = nil
            return []
        case .enter:
            return applyFilter(&state, field.text)
        case .up, .down:
            let history = state.filterBar.history
            guard !history.isEmpty else { return [] }
            var index = state.filterBar.historyIndex
            if key == .up {
                if index == nil { state.filterBar.draft = field.text }
                index = max(0, (index ?? history.count) - 1)
            } else {
                guard let current = index else { return [] }
                index = current + 1 < history.count ? current + 1 : nil
            }
            state.filterBar.historyIndex = index
            state.filterBar.editing = TextField(index.map { history[$0] } ?? state.filterBar.draft)
            state.filterBar.problem = nil
            return []
        default:
            guard field.apply(key) else { return [] }
            state.filterBar.editing = field
            state.filterBar.problem = nil
            return []
        }
    }

    /// Keys while a `:`/`@`/tag prompt is open.
    static func promptKey(_ state: inout CanvasState, _ key: KeyPress, environment: CanvasEnvironment) -> [CanvasEffect] {
        guard var prompt = state.prompt else { return [] }
        switch key {
        case .escape:
            state.prompt = nil
            return []
        case .enter:
            state.prompt = nil
            let text = prompt.field.text
            switch prompt.kind {
            case .command:
                guard !text.trimmingWhitespace.isEmpty else { return [] }
                guard let invocation = CommandInvocation(parsing: text) else {
                    let name = text.trimmingWhitespace.prefix { $0 != " " }
                    state.status = StatusMessage(.error, "Unknown command \"\(name)\" — press ? for the command names")
                    return []
                }
                return perform(&state, invocation, environment: environment)
            case .jump:
                return jump(&state, to: text)
            case .tag:
                guard let eventID = prompt.eventID else { return noEvent(&state) }
                return tag(&state, eventID: eventID, tag: text, add: true)
            }
        default:
            if prompt.field.apply(key) { state.prompt = prompt }
            return []
        }
    }

    /// Keys while the note editor is open: Ctrl-S saves, Ctrl-R cites the selected event, ESC cancels, the rest edits.
    static func editorKey(_ state: inout CanvasState, _ key: KeyPress) -> [CanvasEffect] {
        guard var editor = state.editor else { return [] }
        switch key {
        case .escape:
            state.editor = nil
            state.status = StatusMessage(.info, "Note discarded")
            return []
        case .control("s"):
            let body = editor.text
            guard !body.trimmingWhitespace.isEmpty else {
                state.status = StatusMessage(.error, "The note is empty — type something or ESC to cancel")
                return []
            }
            state.editor = nil
            state.status = StatusMessage(.info, "Note saved")
            return [.saveNote(NoteDraft(id: editor.noteID, investigationID: editor.investigationID, eventID: editor.eventID, body: body))]
        case .control("r"):
            // Cite the event selected in the timeline: exports turn it into a footnote.
            guard let eventID = state.timeline.cursorID ?? editor.eventID else {
                state.status = StatusMessage(.error, "No event selected to cite — select one in the timeline first")
                return []
            }
            editor.insert(EventCitation.text(eventID: eventID))
            state.editor = editor
            state.status = StatusMessage(.info, "Cited event #\(eventID)")
            return []
        default:
            if editor.apply(key) { state.editor = editor }
            return []
        }
    }

    /// Keys while the investigation form is open.
    static func formKey(_ state: inout CanvasState, _ key: KeyPress) -> [CanvasEffect] {
        guard var form = state.form else { return [] }
        let fields = InvestigationFormState.Field.allCases
        let index = fields.firstIndex(of: form.focused) ?? 0
        switch key {
        case .escape:
            state.form = nil
            return []
        case .tab, .down:
            form.focused = fields[(index + 1) % fields.count]
        case .backTab, .up:
            form.focused = fields[(index + fields.count - 1) % fields.count]
        case .enter, .control("s"):
            let draft = form.draft
            guard !draft.title.isEmpty else {
                form.error = "The title is empty — every investigation needs a title"
                form.focused = .title
                state.form = form
                return []
            }
            state.form = nil
            if let id = form.investigationID {
                state.status = StatusMessage(.info, "Investigation updated")
                return [.updateInvestigation(id: id, draft)]
            }
            state.status = StatusMessage(.info, "Investigation created")
            return [.createInvestigation(draft)]
        default:
            guard form.edit(key) else { return [] }
            form.error = nil
        }
        state.form = form
        return []
    }
}
