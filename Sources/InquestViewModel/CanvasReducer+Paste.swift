extension CanvasReducer {
    /// Text pasted in one piece (a bracketed paste) goes into the text field that has focus as one
    /// edit: the note editor keeps its line breaks, one-line fields (the filter bar, a prompt, the
    /// form's typed fields) get a space for each. With no text field open it is ignored, never
    /// taken as keys, so a paste cannot run commands.
    static func pasted(_ state: inout CanvasState, _ text: String) -> [CanvasEffect] {
        // Like a key, a paste replaces the message about the last key.
        state.status = nil
        guard state.help == nil, state.audit.overlay == nil, state.notifyOverlay == nil, state.healthOverlay == nil, state.suspectsOverlay == nil else { return [] }
        if var editor = state.editor {
            editor.paste(PastedText.lines(text))
            state.editor = editor
        } else if var form = state.form {
            guard form.paste(PastedText.singleLine(text)) else { return [] }
            form.error = nil
            state.form = form
        } else if var prompt = state.prompt {
            prompt.field.insert(PastedText.singleLine(text))
            state.prompt = prompt
        } else if var field = state.filterBar.editing {
            field.insert(PastedText.singleLine(text))
            state.filterBar.editing = field
            state.filterBar.problem = nil
        } else {
            state.status = StatusMessage(.info, "Paste ignored — open a text field first (/ to filter, : for a command)")
        }
        return []
    }
}
