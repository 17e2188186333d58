import Foundation
import InquestCore
import InquestParsers
import InquestStore

/// Scrapes one Prometheus text-exposition endpoint (`/metrics`) per call: parses it with
/// ``PrometheusTextParser`` at the scrape time, stores the samples compactly, runs the anomaly
/// detector over every series and stores closed episodes as `metric` events; unreadable lines
/// become dead letters. Samples, events, dead letters and the checkpoint (the scrape time) go
/// in one transaction.
///
/// The detector state lives in this value (it is `mutating`): a restarted scraper warms up again.
public struct PrometheusScraper: Sendable {
    /// The endpoint, e.g. `http://127.0.0.1:9100/metrics`.
    public let url: URL
    /// Seconds to wait for the answer.
    public let timeout: TimeInterval
    private let transport: any HTTPTransport
    private var tracker = MetricAnomalyTracker()

    /// Creates a scraper.
    public init(url: URL, timeout: TimeInterval = 10, transport: any HTTPTransport = URLSessionTransport()) {
        self.url = url
        self.timeout = timeout
        self.transport = transport
    }

    /// The checkpoint key of this endpoint.
    public var checkpointKey: String { "prometheus-scrape:" + url.absoluteString }

    /// The name events carry as their source.
    public var sourceName: String { url.host.map { "scrape@\($0)" + (url.port.map { ":\($0)" } ?? "") } ?? "scrape" }

    /// Scrapes once; samples without their own timestamp are taken at `time`.
    /// Throws ``NetError/requestFailed(url:reason:)`` or ``NetError/httpStatus(url:status:body:)``
    /// when there is no usable answer (nothing is stored then).
    public mutating func scrape(at time: Timestamp, store: InquestStore, commit: BatchCommitter? = nil) async throws -> MetricFetchResult {
        let commit = commit ?? { try store.append($0) }
        let response = try await transport.get(url, headers: ["Accept": "text/plain;version=0.0.4"], timeout: timeout)
        guard (200..<300).contains(response.status) else {
            throw NetError.httpStatus(url: url.absoluteString, status: response.status, body: String(decoding: response.body.prefix(200), as: UTF8.self))
        }
        let text = String(decoding: response.body, as: UTF8.self)
        let parsed = PrometheusTextParser.parse(text, scrapeTime: time)
        let samples = MetricSeriesService.tagged(parsed.samples, fileName: nil)
        var episodes: [AnomalyEpisode] = []
        for sample in samples {
            if let closed = tracker.observe(sample).closed { episodes.append(closed) }
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let letters = parsed.errors.map { error in
            let line = error.line ?? 0
            return DeadLetter(
                source: url.absoluteString, location: "\(url.absoluteString)@\(time.iso8601):\(line)", reason: "\(error)",
                raw: line > 0 && line <= lines.count ? Array(lines[line - 1].utf8) : [])
        }
        let appended = try commit(EventBatch(
            events: episodes.map { MetricAnomalyEvents.event(for: $0, sourceName: sourceName, identity: checkpointKey) },
            deadLetters: letters,
            checkpoint: Checkpoint(key: checkpointKey, position: String(time.nanoseconds)),
            samples: samples.map(MetricPoint.init)))
        var result = MetricFetchResult()
        result.requests = 1
        result.samplesRead = parsed.samples.count
        result.add(appended)
        result.through = time
        return result
    }
}
