/// The colour theme the canvas draws with (`--theme`, `:theme NAME`) and the names it can
/// switch to (the bundled themes and the user's theme files, read when the canvas starts), for
/// `:theme` alone and `Tab` completion. The theme itself lives with the renderer; the state
/// keeps names only.
public struct ThemeChoice: Sendable, Hashable {
    /// The theme shown now.
    public var current: String
    /// Every theme name found when the canvas started, sorted.
    public var available: [String]

    public init(current: String = "dark", available: [String] = []) {
        self.current = current
        self.available = available
    }
}
