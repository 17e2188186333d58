import InquestCore

extension CanvasReducer {
    /// A key while the help overlay is open, as its `[help]` keymap section binds it: scroll, or close.
    static func helpKey(_ state: inout CanvasState, _ invocation: CommandInvocation?) -> [CanvasEffect] {
        guard var help = state.help, let command = invocation?.command else { return [] }
        let page = max(1, state.height - 4)
        switch command {
        case .overlayClose:
            state.help = nil
            return []
        case .helpScrollDown: help.scroll += 1
        case .helpScrollUp: help.scroll -= 1
        case .helpPageDown: help.scroll += page
        case .helpPageUp: help.scroll -= page
        case .helpTop: help.scroll = 0
        case .helpBottom: help.scroll = help.lines.count
        default: return []
        }
        help.scroll = max(0, min(help.scroll, help.lines.count - page))
        state.help = help
        return []
    }

    /// A key while the `/` filter bar is open: the command its `[filter]` keymap section binds
    /// it to, else an edit of the text.
    static func filterKey(
        _ state: inout CanvasState, _ key: KeyPress, _ invocation: CommandInvocation?, environment: CanvasEnvironment
    ) -> [CanvasEffect] {
        guard var field = state.filterBar.editing else { return [] }
        switch invocation?.command {
        case .overlayClose:
            state.filterBar.editing = nil
            state.filterBar.problem = nil
            state.filterBar.historyIndex = nil
            return []
        case .overlaySubmit:
            return applyFilter(&state, field.text)
        case .filterHistoryPrevious, .filterHistoryNext:
            let history = state.filterBar.history
            guard !history.isEmpty else { return [] }
            var index = state.filterBar.historyIndex
            if invocation?.command == .filterHistoryPrevious {
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
        case .some:
            return []
        case nil:
            guard field.apply(key) else { return [] }
            state.filterBar.editing = field
            state.filterBar.problem = nil
            return []
        }
    }

    /// A key while a `:`/`@`/tag prompt is open: the command its `[prompt]` keymap section
    /// binds it to, else an edit of the text.
    static func promptKey(
        _ state: inout CanvasState, _ key: KeyPress, _ invocation: CommandInvocation?, environment: CanvasEnvironment
    ) -> [CanvasEffect] {
        guard var prompt = state.prompt else { return [] }
        switch invocation?.command {
        case .overlayClose:
            state.prompt = nil
            return []
        case .overlaySubmit:
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
            case .search:
                return search(&state, text)
            }
        case .promptComplete:
            return complete(&state, forward: true)
        case .promptCompletePrevious:
            return complete(&state, forward: false)
        case .some:
            return []
        case nil:
            if prompt.field.apply(key) {
                prompt.completion = nil
                state.prompt = prompt
            }
            return []
        }
    }

    /// A key while the note editor is open: the command its `[editor]` keymap section binds it
    /// to (save, cite the selected event, discard), else an edit of the text.
    static func editorKey(_ state: inout CanvasState, _ key: KeyPress, _ invocation: CommandInvocation?) -> [CanvasEffect] {
        guard var editor = state.editor else { return [] }
        switch invocation?.command {
        case .overlayClose:
            state.editor = nil
            state.status = StatusMessage(.info, "Note discarded")
            return []
        case .noteSave:
            let body = editor.text
            guard !body.trimmingWhitespace.isEmpty else {
                state.status = StatusMessage(.error, "The note is empty — type something or ESC to cancel")
                return []
            }
            state.editor = nil
            state.status = StatusMessage(.info, "Note saved")
            return [.saveNote(NoteDraft(id: editor.noteID, investigationID: editor.investigationID, eventID: editor.eventID, body: body))]
        case .noteCite:
            // Cite the event selected in the timeline: exports turn it into a footnote.
            guard let eventID = state.timeline.cursorID ?? editor.eventID else {
                state.status = StatusMessage(.error, "No event selected to cite — select one in the timeline first")
                return []
            }
            editor.insert(EventCitation.text(eventID: eventID))
            state.editor = editor
            state.status = StatusMessage(.info, "Cited event #\(eventID)")
            return []
        case .some:
            return []
        case nil:
            if editor.apply(key) { state.editor = editor }
            return []
        }
    }

    /// A key while the investigation form is open: the command its `[form]` keymap section
    /// binds it to (move between fields, save, close), else an edit of the focused field.
    static func formKey(_ state: inout CanvasState, _ key: KeyPress, _ invocation: CommandInvocation?) -> [CanvasEffect] {
        guard var form = state.form else { return [] }
        let fields = InvestigationFormState.Field.allCases
        let index = fields.firstIndex(of: form.focused) ?? 0
        switch invocation?.command {
        case .overlayClose:
            state.form = nil
            return []
        case .formNextField:
            form.focused = fields[(index + 1) % fields.count]
        case .formPreviousField:
            form.focused = fields[(index + fields.count - 1) % fields.count]
        case .overlaySubmit:
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
                return [.updateInvestigation(id: id, draft, original: form.original ?? draft)]
            }
            state.status = StatusMessage(.info, "Investigation created")
            return [.createInvestigation(draft)]
        case .some:
            return []
        case nil:
            guard form.edit(key) else { return [] }
            form.error = nil
        }
        state.form = form
        return []
    }
}
