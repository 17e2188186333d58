import Foundation
import InquestCore
import InquestWatch

/// The watcher's `prometheus-query` feed: every ``interval`` pulls one PromQL expression's
/// `query_range` from its checkpoint up to now minus one step (so the newest point has been
/// scraped), committing each request with its checkpoint. Lag is the age of the last fetched point.
public struct PrometheusQueryRangeFeed: Feed {
    public let name: String
    public var kind: FeedKind { .prometheusQuery }
    /// The Prometheus server, e.g. `http://127.0.0.1:9090`.
    public let baseURL: URL
    /// The PromQL expression.
    public let query: String
    /// Resolution of the pulled series.
    public let step: Duration
    /// Time between pulls.
    public let interval: Duration
    /// How far back the very first pull starts.
    public let lookback: Duration
    private let transport: any HTTPTransport

    /// Creates the feed.
    public init(
        name: String, baseURL: URL, query: String, step: Duration = .seconds(15), interval: Duration = .seconds(30),
        lookback: Duration = .seconds(3600), transport: any HTTPTransport = URLSessionTransport()
    ) {
        self.name = name
        self.baseURL = baseURL
        self.query = query
        self.step = step
        self.interval = interval
        self.lookback = lookback
        self.transport = transport
    }

    public func run(_ context: FeedContext) async throws {
        var connector = PrometheusQueryRangeConnector(
            baseURL: baseURL, query: query, stepSeconds: step.inSeconds, lookbackSeconds: lookback.inSeconds,
            timeout: 10, transport: transport)
        let settle = Int64(step.inSeconds * 1e9)
        while true {
            try Task.checkCancellation()
            let now = context.clock.now()
            let result = try await connector.fetch(until: Timestamp(nanoseconds: now.nanoseconds - settle), store: context.store) {
                try context.commit($0)
            }
            if result.requests == 0 { context.markHealthy() }
            if let position = try context.checkpoint(key: connector.checkpointKey)?.position, let last = Int64(position) {
                context.reportLag(.seconds(Double(now.nanoseconds - last) / 1e9))
            }
            try await context.sleep(for: interval)
        }
    }
}
