import InquestCore

/// One excursion of a series away from its baseline: from the first value whose score reached the
/// high threshold to the last value whose score stayed above the low threshold.
public struct AnomalyEpisode: Sendable, Hashable, Codable {
    /// The series it happened on (``MetricSeriesKey/description``: the metric, e.g. the column of a
    /// wide metric file, with its labels).
    public var series: String
    /// The identity of that series — the metric (column) name and its labels — when known (set
    /// by ``MetricAnomalyTracker``), so the episode's event can name the series' service and the
    /// stored series can be found again; nil in episodes stored before it was recorded.
    public var key: MetricSeriesKey?
    /// The time of the value that opened the episode.
    public var start: Timestamp
    /// The time of the last value still above the low threshold.
    public var end: Timestamp
    /// The highest score during the episode.
    public var peakScore: Double
    /// The value that had the highest score.
    public var peakValue: Double
    /// What the baseline expected at the peak.
    public var baseline: Double

    /// Creates an episode.
    public init(
        series: String, key: MetricSeriesKey? = nil, start: Timestamp, end: Timestamp, peakScore: Double,
        peakValue: Double, baseline: Double
    ) {
        self.series = series
        self.key = key
        self.start = start
        self.end = end
        self.peakScore = peakScore
        self.peakValue = peakValue
        self.baseline = baseline
    }

    /// `critical` from a peak score of 0.98 (z ≈ 24.5 with the default half-score z of 3.5),
    /// `error` from 0.93 (z ≈ 12.8), `warning` below.
    public var severity: Severity {
        switch peakScore {
        case 0.98...: .critical
        case 0.93..<0.98: .error
        default: .warning
        }
    }

    /// A one-line summary for an event message, e.g. `cpu 97.2 vs baseline 41.3 (score 0.991)`.
    public var summary: String {
        "\(series) \(Self.format(peakValue)) vs baseline \(Self.format(baseline)) (score \(Self.format(peakScore)))"
    }

    static func format(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        let rounded = (value * 1000).rounded() / 1000
        return rounded == rounded.rounded() && abs(rounded) < 1e15 ? String(Int64(rounded)) : String(rounded)
    }
}
