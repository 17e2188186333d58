/// Spans of one service in one window: how many, how many failed, and their latency
/// percentiles (exact, nearest rank over every span's duration).
public struct SpanStatistics: Sendable, Hashable {
    public var spans: Int
    public var errorSpans: Int
    /// Durations in nanoseconds; 0 when there are no spans.
    public var p50: Int64
    public var p90: Int64
    public var p99: Int64

    public init(spans: Int = 0, errorSpans: Int = 0, p50: Int64 = 0, p90: Int64 = 0, p99: Int64 = 0) {
        self.spans = spans
        self.errorSpans = errorSpans
        self.p50 = p50
        self.p90 = p90
        self.p99 = p99
    }

    /// The statistics of `sortedDurations` (ascending) with `errorSpans` failures.
    public init(sortedDurations: [Int64], errorSpans: Int) {
        self.init(
            spans: sortedDurations.count, errorSpans: errorSpans,
            p50: Self.percentile(0.50, of: sortedDurations), p90: Self.percentile(0.90, of: sortedDurations),
            p99: Self.percentile(0.99, of: sortedDurations))
    }

    /// Errors as a fraction of the spans (0 when there are none).
    public var errorShare: Double { spans == 0 ? 0 : Double(errorSpans) / Double(spans) }

    /// The nearest-rank percentile: the smallest value with at least `fraction` of the values
    /// at or below it. 0 for no values.
    public static func percentile(_ fraction: Double, of sorted: [Int64]) -> Int64 {
        guard !sorted.isEmpty else { return 0 }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}
