/// A parsed `inquest watch --config FILE`: the feeds to run, each with its name, kind, target
/// and the line of the config it came from (for messages).
public struct WatchConfig: Sendable, Hashable {
    /// One `feeds:` entry.
    public struct FeedEntry: Sendable, Hashable {
        public var name: String
        public var kind: FeedKind
        public var target: FeedTarget
        /// 1-based line of the entry in the config file.
        public var line: Int

        public init(name: String, kind: FeedKind, target: FeedTarget, line: Int) {
            self.name = name
            self.kind = kind
            self.target = target
            self.line = line
        }
    }

    /// The config file (for messages).
    public var path: String
    /// `store:` — the database to write to, when the config names one (`--db` wins).
    public var store: String?
    public var feeds: [FeedEntry]

    public init(path: String, store: String? = nil, feeds: [FeedEntry]) {
        self.path = path
        self.store = store
        self.feeds = feeds
    }
}
