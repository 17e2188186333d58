/// The kinds of feed a watcher config can name (`kind:` in the YAML).
public enum FeedKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// Log files (paths or globs) followed like `tail -F`.
    case file
    /// A git repository whose history is re-read periodically.
    case git
    /// A non-log document (CSV metrics, JUnit XML, OTLP/Jaeger/Zipkin JSON, Prometheus text...)
    /// re-ingested whenever it changes.
    case document
    /// A Prometheus text endpoint scraped over HTTP.
    case prometheusScrape = "prometheus-scrape"
    /// A Prometheus server's `query_range` API polled for new samples.
    case prometheusQuery = "prometheus-query"
    /// An OTLP/HTTP JSON receiver on a local port.
    case otlp
}
