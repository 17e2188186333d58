import InquestCore

extension CanvasReducer {
    /// `Tab` (`Shift-Tab` backwards) at the `:` prompt: one candidate is completed at once; with
    /// several, the first press extends the word to what they share and lists them on the
    /// status line, the next presses put each in turn (as bash, then zsh's menu).
    static func complete(_ state: inout CanvasState, forward: Bool) -> [CanvasEffect] {
        guard var prompt = state.prompt, prompt.kind == .command else { return [] }
        if let cycle = prompt.completion, cycle.text == prompt.field.text {
            let count = cycle.candidates.words.count
            let index = cycle.index.map { (forward ? $0 + 1 : $0 - 1 + count) % count } ?? (forward ? 0 : count - 1)
            show(&prompt, cycle: cycle, index: index)
            state.prompt = prompt
            listCandidates(&state, cycle.candidates.words, selected: index)
            return []
        }
        guard let candidates = CommandCompletion.candidates(for: prompt.field, state: state) else {
            prompt.completion = nil
            state.prompt = prompt
            state.status = StatusMessage(.info, "Nothing to complete here")
            return []
        }
        if candidates.words.count == 1 {
            prompt.field.replace(candidates.range, with: candidates.words[0] + (candidates.isFinal[0] ? " " : ""))
            prompt.completion = nil
            state.prompt = prompt
            return []
        }
        let typed = String(Array(prompt.field.text)[candidates.range])
        let common = CommandCompletion.commonPrefix(candidates.words)
        var cycle = CompletionCycle(candidates: candidates, text: prompt.field.text)
        if common.count > typed.count {
            prompt.field.replace(candidates.range, with: common)
            cycle.candidates.range = candidates.range.lowerBound..<(candidates.range.lowerBound + common.count)
            cycle.text = prompt.field.text
            prompt.completion = cycle
            state.prompt = prompt
            listCandidates(&state, candidates.words, selected: nil)
            return []
        }
        let index = forward ? 0 : candidates.words.count - 1
        show(&prompt, cycle: cycle, index: index)
        state.prompt = prompt
        listCandidates(&state, candidates.words, selected: index)
        return []
    }

    /// Puts candidate `index` in place of the one shown before.
    private static func show(_ prompt: inout PromptState, cycle: CompletionCycle, index: Int) {
        var cycle = cycle
        let word = cycle.candidates.words[index]
        prompt.field.replace(cycle.candidates.range, with: word)
        cycle.candidates.range = cycle.candidates.range.lowerBound..<(cycle.candidates.range.lowerBound + word.count)
        cycle.index = index
        cycle.text = prompt.field.text
        prompt.completion = cycle
    }

    /// `Tab: a · [b] · c` on the status line (the first 30).
    private static func listCandidates(_ state: inout CanvasState, _ words: [String], selected: Int?) {
        let shown = words.prefix(30).enumerated().map { index, word in index == selected ? "[\(word)]" : word }
        let more = words.count > 30 ? " · +\(words.count - 30) more" : ""
        state.status = StatusMessage(.info, "Tab: " + shown.joined(separator: " · ") + more)
    }
}
