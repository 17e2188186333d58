import InquestIngest

/// What one configured feed reads, with its kind's options.
public enum FeedTarget: Sendable, Hashable {
    /// Log files and globs followed like `tail -F`.
    case files(patterns: [String], settings: FollowSettings)
    /// A git repository re-read every `interval`.
    case git(repository: String, interval: Duration)
    /// Documents (CSV metrics, JUnit XML, traces JSON, Prometheus text...) re-ingested when they change.
    case documents(patterns: [String], kind: DocumentKind?, interval: Duration)
    /// A Prometheus text endpoint scraped every `interval`.
    case prometheusScrape(url: String, interval: Duration)
    /// A Prometheus server's `query_range` API, polled every `interval` at resolution `step`.
    case prometheusQuery(url: String, query: String, step: Duration, interval: Duration)
    /// An OTLP/HTTP JSON receiver listening on `host:port` (an IPv4 address: loopback unless the
    /// config says `allow_remote: true`). With `tokenFile`, every request must carry
    /// `Authorization: Bearer <the token in that file>` (required when open to other machines).
    case otlp(host: String, port: Int, tokenFile: String? = nil)
}
