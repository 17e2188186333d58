import Foundation
import InquestNet

/// Scrapes a Prometheus text endpoint every ``interval`` with ``PrometheusScraper`` (samples
/// stored compactly, anomaly episodes as `metric` events, bad lines as dead letters), each
/// scrape committed through the feed's lease-checked context. Lag: seconds since the last
/// successful scrape (reported by the supervisor).
public struct PrometheusScrapeFeed: Feed {
    public let name: String
    public var kind: FeedKind { .prometheusScrape }
    public let url: URL
    public let interval: Duration

    public init(name: String, url: URL, interval: Duration = .seconds(15)) {
        self.name = name
        self.url = url
        self.interval = interval
    }

    public func run(_ context: FeedContext) async throws {
        var scraper = PrometheusScraper(url: url)
        while true {
            try Task.checkCancellation()
            _ = try await scraper.scrape(at: context.clock.now(), store: context.store, commit: { try context.commit($0) })
            context.markHealthy()
            try await context.sleep(for: interval)
        }
    }
}
