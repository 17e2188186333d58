extension WatchConfig {
    /// The feeds this config describes. The network kinds (`prometheus-scrape`,
    /// `prometheus-query`, `otlp`) are built by `network` (InquestNet's `NetworkFeeds.make`,
    /// which this module cannot import); without it, or when it returns nil, they are a config
    /// error naming the entry's line, so a watcher never silently skips a feed.
    public func makeFeeds(network: ((FeedEntry, String) throws -> (any Feed)?)? = nil) throws -> [any Feed] {
        try feeds.map { entry -> any Feed in
            switch entry.target {
            case .files(let patterns, let settings):
                return FollowedFileFeed(name: entry.name, patterns: patterns, settings: settings)
            case .git(let repository, let interval):
                return GitFeed(name: entry.name, repository: repository, interval: interval)
            case .documents(let patterns, let kind, let interval):
                return DocumentFileFeed(name: entry.name, patterns: patterns, documentKind: kind, interval: interval)
            case .prometheusScrape, .prometheusQuery, .otlp:
                if let feed = try network?(entry, path) { return feed }
                throw WatchError.invalidConfig(
                    path: path, line: entry.line, field: "kind",
                    reason: "\(entry.kind.rawValue) feeds are not available in this build (the network connectors are not linked in); remove feed \(entry.name.debugDescription) or run a build that has them")
            }
        }
    }
}
