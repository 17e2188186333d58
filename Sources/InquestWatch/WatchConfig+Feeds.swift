import Foundation

extension WatchConfig {
    /// The feeds this config describes; an unusable URL is a config error naming the entry's line.
    public func makeFeeds() throws -> [any Feed] {
        try feeds.map { entry -> any Feed in
            switch entry.target {
            case .files(let patterns, let settings):
                return FollowedFileFeed(name: entry.name, patterns: patterns, settings: settings)
            case .git(let repository, let interval):
                return GitFeed(name: entry.name, repository: repository, interval: interval)
            case .documents(let patterns, let kind, let interval):
                return DocumentFileFeed(name: entry.name, patterns: patterns, documentKind: kind, interval: interval)
            case .prometheusScrape(let url, let interval):
                return PrometheusScrapeFeed(name: entry.name, url: try httpURL(url, entry), interval: interval)
            case .prometheusQuery(let url, let query, let step, let interval):
                return PrometheusQueryFeed(name: entry.name, url: try httpURL(url, entry), query: query, step: step, interval: interval)
            case .otlp(let host, let port, let tokenFile):
                return OTLPReceiverFeed(name: entry.name, host: host, port: port, tokenFile: tokenFile)
            }
        }
    }

    private func httpURL(_ text: String, _ entry: FeedEntry) throws -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
            throw WatchError.invalidConfig(
                path: path, line: entry.line, field: "url",
                reason: "\(text.debugDescription) is not an http:// URL (feed \(entry.name.debugDescription))")
        }
        return url
    }
}
