import InquestCore

/// The `/` filter bar: the text being edited, the error of the last attempt, and the history.
public struct FilterBarState: Sendable, Hashable {
    /// The filter applied to the timeline, parsed when it was entered (the store is queried with it).
    public var applied: Filter
    /// The text being edited while the bar is open; nil when closed.
    public var editing: TextField?
    /// Why the last Enter's text did not parse (with its column), shown under the text; the
    /// applied filter is unchanged.
    public var problem: FilterError?
    /// Filters applied before, oldest first, without duplicates.
    public var history: [String]
    /// Index into ``history`` while browsing with Up/Down; nil when editing a fresh text.
    public var historyIndex: Int?
    /// The text typed before browsing history, restored when Down goes past the newest.
    public var draft: String
    /// The store's saved views, by name (`:save`, `:view`, `:views`).
    public var savedViews: [SavedView] = []
    /// The store's tag names, for completing `:tag`, `:untag` and `tag:` at the `:` prompt.
    public var knownTags: [String] = []

    /// How many filters the history keeps (the store keeps as many).
    public static let historyLimit = 200

    public init(applied: Filter = .everything, editing: TextField? = nil, problem: FilterError? = nil, history: [String] = [], historyIndex: Int? = nil, draft: String = "") {
        self.applied = applied
        self.editing = editing
        self.problem = problem
        self.history = history
        self.historyIndex = historyIndex
        self.draft = draft
    }

    /// True while the bar is being edited.
    public var isOpen: Bool { editing != nil }
}
