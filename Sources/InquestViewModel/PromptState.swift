/// A one-line prompt at the bottom: the `:` command line, the `@` jump-to-time prompt,
/// the `t` tag-name prompt or the `Ctrl-S` search.
public struct PromptState: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// `:` runs a command by name (`:quit`, `:filter severity>=error`).
        case command
        /// `@` jumps to a time (`10:42`, `-15m`, `2026-11-20T10:42Z`).
        case jump
        /// `t` adds a tag to the selected event.
        case tag
        /// `Ctrl-S` searches the filtered rows for text or a `/regex/` (then `n`/`N`).
        case search

        /// The prompt's leading text.
        public var prefix: String {
            switch self {
            case .command: ":"
            case .jump: "@"
            case .tag: "tag: "
            case .search: "search: "
            }
        }
    }

    /// Which prompt it is.
    public var kind: Kind
    /// The text typed so far.
    public var field: TextField
    /// The event a tag prompt applies to.
    public var eventID: Int64?
    /// Tab completion in progress at the `:` prompt.
    public var completion: CompletionCycle?

    public init(kind: Kind, field: TextField = TextField(), eventID: Int64? = nil) {
        self.kind = kind
        self.field = field
        self.eventID = eventID
    }
}
