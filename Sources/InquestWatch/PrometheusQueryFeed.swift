import Foundation
import InquestCore
import InquestNet

/// Polls a Prometheus server's `query_range` API every ``interval`` with
/// ``PrometheusQueryRangeConnector``: it resumes one step after its checkpoint, so a restart
/// neither re-reads nor skips a range; each request is committed with its checkpoint through
/// the feed's lease-checked context.
public struct PrometheusQueryFeed: Feed {
    public let name: String
    public var kind: FeedKind { .prometheusQuery }
    public let url: URL
    public let query: String
    public let step: Duration
    public let interval: Duration

    public init(name: String, url: URL, query: String, step: Duration = .seconds(15), interval: Duration = .seconds(30)) {
        self.name = name
        self.url = url
        self.query = query
        self.step = step
        self.interval = interval
    }

    public func run(_ context: FeedContext) async throws {
        var connector = PrometheusQueryRangeConnector(baseURL: url, query: query, stepSeconds: Double(step.nanoseconds) / 1e9)
        while true {
            try Task.checkCancellation()
            _ = try await connector.fetch(until: context.clock.now(), store: context.store, commit: { try context.commit($0) })
            context.markHealthy()
            try await context.sleep(for: interval)
        }
    }
}
