import Foundation
import InquestCore
import InquestParsers

/// One `query_range` request to the Prometheus HTTP API: the PromQL expression and the
/// time range `[start, end]` sampled every `step` seconds.
public struct PrometheusQueryRange: Sendable, Hashable {
    /// The PromQL expression.
    public var query: String
    /// First evaluation time.
    public var start: Timestamp
    /// Last evaluation time (inclusive).
    public var end: Timestamp
    /// Seconds between evaluations (> 0).
    public var stepSeconds: Double

    /// Creates a request.
    public init(query: String, start: Timestamp, end: Timestamp, stepSeconds: Double) {
        self.query = query
        self.start = start
        self.end = end
        self.stepSeconds = stepSeconds
    }

    /// Prometheus refuses ranges of more than 11,000 points; requests are split well below that.
    public static let maximumPointsPerRequest = 10_000

    /// `base/api/v1/query_range?query=…&start=…&end=…&step=…` with times in seconds.
    public func url(base: URL) throws -> URL {
        guard stepSeconds > 0, stepSeconds.isFinite else {
            throw NetError.invalidArgument(name: "step", value: "\(stepSeconds)", reason: "must be a positive number of seconds")
        }
        guard end >= start else {
            throw NetError.invalidArgument(name: "range", value: "\(start.iso8601)…\(end.iso8601)", reason: "the end is before the start")
        }
        let endpoint = base.appendingPathComponent("api/v1/query_range")
        guard var components = URLComponents(url: endpoint, resolvingAgainstBaseURL: false) else {
            throw NetError.invalidArgument(name: "url", value: base.absoluteString, reason: "not an http URL")
        }
        components.queryItems = [
            URLQueryItem(name: "query", value: query),
            URLQueryItem(name: "start", value: Self.seconds(start)),
            URLQueryItem(name: "end", value: Self.seconds(end)),
            URLQueryItem(name: "step", value: Self.format(stepSeconds)),
        ]
        // `+` is legal in a query but Prometheus (Go) reads it as a space: escape it.
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        guard let url = components.url else {
            throw NetError.invalidArgument(name: "url", value: base.absoluteString, reason: "cannot build the query URL")
        }
        return url
    }

    /// The range cut into requests of at most ``maximumPointsPerRequest`` points, in order.
    public func split() -> [PrometheusQueryRange] {
        let stepNanos = max(1, Int64(stepSeconds * 1e9))
        let span = Int64(Self.maximumPointsPerRequest - 1) * stepNanos
        var pieces: [PrometheusQueryRange] = []
        var from = start.nanoseconds
        while from <= end.nanoseconds {
            let to = min(end.nanoseconds, from + span)
            pieces.append(PrometheusQueryRange(query: query, start: Timestamp(nanoseconds: from), end: Timestamp(nanoseconds: to), stepSeconds: stepSeconds))
            from = to + stepNanos
        }
        return pieces
    }

    static func seconds(_ timestamp: Timestamp) -> String {
        format(Double(timestamp.nanoseconds) / 1e9)
    }

    static func format(_ value: Double) -> String {
        String(format: "%.3f", value)
    }
}
