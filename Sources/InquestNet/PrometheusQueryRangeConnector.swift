import Foundation
import InquestCore
import InquestParsers
import InquestStore

/// Pulls one PromQL expression from a Prometheus server's `query_range` API into the store:
/// samples compactly, anomaly episodes as `metric` events, and a checkpoint of the last
/// evaluated time, all in one transaction per request. The next fetch resumes one step after
/// the checkpoint, so nothing is fetched twice and nothing is skipped across restarts.
public struct PrometheusQueryRangeConnector: Sendable {
    /// The server, e.g. `http://127.0.0.1:9090`.
    public let baseURL: URL
    /// The PromQL expression.
    public let query: String
    /// Seconds between evaluations.
    public let stepSeconds: Double
    /// How far back the first fetch (no checkpoint yet) starts, in seconds.
    public let lookbackSeconds: Double
    /// Seconds to wait for each answer.
    public let timeout: TimeInterval
    private let transport: any HTTPTransport
    private var tracker = MetricAnomalyTracker()

    /// Creates a connector.
    public init(
        baseURL: URL, query: String, stepSeconds: Double = 15, lookbackSeconds: Double = 3600,
        timeout: TimeInterval = 10, transport: any HTTPTransport = URLSessionTransport()
    ) {
        self.baseURL = baseURL
        self.query = query
        self.stepSeconds = stepSeconds
        self.lookbackSeconds = lookbackSeconds
        self.timeout = timeout
        self.transport = transport
    }

    /// The checkpoint key: the server and the expression.
    public var checkpointKey: String { "prometheus-query:" + baseURL.absoluteString + " " + query }

    /// The name events carry as their source.
    public var sourceName: String { baseURL.host.map { "prometheus@\($0)" } ?? "prometheus" }

    /// Fetches everything from the checkpoint (or `now - lookback`) up to `now` and stores it
    /// through `commit`, one request and one transaction at a time. With `closeEpisodes`, anomaly
    /// episodes still open at the end become events too (one-off runs); a feed leaves them open.
    public mutating func fetch(until now: Timestamp, store: InquestStore, closeEpisodes: Bool = false, commit: BatchCommitter? = nil) async throws -> MetricFetchResult {
        let commit = commit ?? { try store.append($0) }
        guard stepSeconds > 0, stepSeconds.isFinite else {
            throw NetError.invalidArgument(name: "step", value: "\(stepSeconds)", reason: "must be a positive number of seconds")
        }
        let stepNanos = Int64(stepSeconds * 1e9)
        let start: Int64
        if let position = try store.checkpoint(key: checkpointKey)?.position, let last = Int64(position) {
            start = last + stepNanos
        } else {
            start = now.nanoseconds - Int64(lookbackSeconds * 1e9)
        }
        var result = MetricFetchResult()
        guard start <= now.nanoseconds else { return result }
        // Align the end to the step grid from the start, so consecutive fetches continue the grid.
        let steps = (now.nanoseconds - start) / stepNanos
        let end = start + steps * stepNanos
        let whole = PrometheusQueryRange(query: query, start: Timestamp(nanoseconds: start), end: Timestamp(nanoseconds: end), stepSeconds: stepSeconds)
        let pieces = whole.split()
        for (index, piece) in pieces.enumerated() {
            let url = try piece.url(base: baseURL)
            let response = try await transport.get(url, timeout: timeout)
            result.requests += 1
            let samples = MetricSeriesService.tagged(
                try PrometheusMatrixDecoder.samples(from: response.body, status: response.status, url: url.absoluteString, query: query),
                fileName: nil)
            result.samplesRead += samples.count
            var episodes: [AnomalyEpisode] = []
            for sample in samples.sorted(by: { $0.timestamp < $1.timestamp }) {
                if let closed = tracker.observe(sample).closed { episodes.append(closed) }
            }
            if closeEpisodes && index == pieces.count - 1 { episodes += tracker.finish() }
            let events = episodes.map { MetricAnomalyEvents.event(for: $0, sourceName: sourceName, identity: checkpointKey) }
            let appended = try commit(EventBatch(
                events: events, checkpoint: Checkpoint(key: checkpointKey, position: String(piece.end.nanoseconds)),
                samples: samples.map(MetricPoint.init)))
            result.add(appended)
            result.through = piece.end
        }
        return result
    }
}
