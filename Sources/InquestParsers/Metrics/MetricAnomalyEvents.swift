import Foundation
import InquestCore

/// Runs the anomaly detector over metric samples and turns each anomaly episode (one
/// excursion, thanks to the detector's hysteresis) into one `metric` event.
/// Shared by file ingest and the live metric connectors (scrape, query_range).
public enum MetricAnomalyEvents {
    /// The events of every episode in `samples` (one fresh tracker, all episodes closed at the end).
    public static func events(for samples: [MetricSample], sourceName: String, identity: String) -> [Event] {
        var tracker = MetricAnomalyTracker()
        var episodes: [AnomalyEpisode] = []
        for sample in samples {
            if let closed = tracker.observe(sample).closed { episodes.append(closed) }
        }
        episodes += tracker.finish()
        return episodes.map { event(for: $0, sourceName: sourceName, identity: identity) }
    }

    /// The attribute holding the episode's series name (as stored, without labels).
    public static let metricKey = "metric"
    /// The attribute holding the episode's series labels (an object of strings).
    public static let labelsKey = "labels"

    /// The `metric` event of one episode (its service is the series' ``MetricSeriesService`` label); its dedupe key is the source identity and the episode's
    /// start, so the same episode found again is stored once. Its attributes name the series
    /// (`series`), and when the episode knows its key, the metric alone (`metric`: the column of a
    /// wide file, e.g. `PodClientLatencyP90(s)`) and its labels (`labels`).
    public static func event(for episode: AnomalyEpisode, sourceName: String, identity: String) -> Event {
        let minutes = (Double(episode.end.nanoseconds) - Double(episode.start.nanoseconds)) / 60_000_000_000
        var attributes: [String: Any] = [
            "series": episode.series,
            "peak_value": episode.peakValue.isFinite ? episode.peakValue : 0,
            "baseline": episode.baseline.isFinite ? episode.baseline : 0,
            "peak_score": episode.peakScore,
            "end": episode.end.iso8601,
            "duration_min": (minutes * 10).rounded() / 10,
        ]
        if let key = episode.key {
            // The stored series' exact name and labels, so a reader can find its samples again.
            attributes[MetricAnomalyEvents.metricKey] = key.series
            attributes[MetricAnomalyEvents.labelsKey] = key.labels
        }
        let json = (try? JSONSerialization.data(withJSONObject: attributes, options: [.sortedKeys])).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        let raw = Array(json.utf8)
        return Event(
            timestamp: episode.start,
            timestampText: episode.start.iso8601,
            sourceKind: .metric,
            sourceName: sourceName,
            severity: episode.severity,
            service: episode.key?.labels[MetricSeriesService.labelKey],
            message: "anomaly: \(episode.summary), for \(String(format: "%.0f", minutes)) min",
            attributesJSON: json,
            raw: raw,
            dedupeKey: DedupeKey(source: identity, raw: raw, offset: episode.start.nanoseconds)
        )
    }
}
