/// Repeated `Tab` at the `:` prompt: the candidates found by the first press and which one is
/// shown, so the next press shows the next (`Shift-Tab` the previous), as zsh's menu completion.
public struct CompletionCycle: Sendable, Hashable {
    /// What the first press found.
    public var candidates: CommandCompletion.Candidates
    /// The candidate shown now; nil before the first is shown.
    public var index: Int?
    /// The prompt's text after the last completion: any other edit ends the cycle.
    public var text: String

    public init(candidates: CommandCompletion.Candidates, index: Int? = nil, text: String) {
        self.candidates = candidates
        self.index = index
        self.text = text
    }
}
