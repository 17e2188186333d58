import Foundation
import InquestCore
import InquestWatch

/// The watcher's `prometheus-scrape` feed: scrapes one endpoint every ``interval`` with a
/// ``PrometheusScraper``, committing each scrape (samples, anomaly events, dead letters,
/// checkpoint) through the feed context. A failed scrape throws, so the supervisor backs off
/// and opens its circuit breaker for a dead endpoint. After a restart the detector warms up again.
public struct PrometheusScrapeFeed: Feed {
    public let name: String
    public var kind: FeedKind { .prometheusScrape }
    /// The endpoint, e.g. `http://127.0.0.1:9100/metrics`.
    public let url: URL
    /// Time between scrapes.
    public let interval: Duration
    private let transport: any HTTPTransport

    /// Creates the feed.
    public init(name: String, url: URL, interval: Duration = .seconds(15), transport: any HTTPTransport = URLSessionTransport()) {
        self.name = name
        self.url = url
        self.interval = interval
        self.transport = transport
    }

    public func run(_ context: FeedContext) async throws {
        var scraper = PrometheusScraper(url: url, timeout: max(1, min(10, interval.inSeconds)), transport: transport)
        while true {
            try Task.checkCancellation()
            let result = try await scraper.scrape(at: context.clock.now(), store: context.store) { try context.commit($0) }
            context.reportLag(.seconds(0))
            context.logger.debug("scraped", metadata: ["url": "\(url)", "samples": "\(result.samplesRead)", "events": "\(result.eventsStored)"])
            try await context.sleep(for: interval)
        }
    }
}
