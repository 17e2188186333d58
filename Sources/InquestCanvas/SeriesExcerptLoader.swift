import Foundation
import InquestCore
import InquestStore
import InquestViewModel

/// Loads the series of a metric anomaly event around its episode for the details pane (part
/// of the `loadDetail` effect), as ``TraceTreeLoader`` loads a trace.
enum SeriesExcerptLoader {
    /// At least this much time is shown on each side of the episode.
    static let minimumContext: Int64 = 30 * 60 * 1_000_000_000

    /// The excerpt of `event`'s series, or nil when the event is not an anomaly episode naming
    /// a stored series (its `metric` and `labels` attributes).
    static func excerpt(of event: Event, store: InquestStore) throws -> MetricSeriesExcerpt? {
        guard event.sourceKind == .metric,
              let object = try? JSONSerialization.jsonObject(with: Data(event.attributesJSON.utf8)) as? [String: Any],
              let name = object["metric"] as? String
        else { return nil }
        let labels = (object["labels"] as? [String: Any] ?? [:]).compactMapValues { $0 as? String }
        guard let id = try store.seriesID(name: name, labels: labels), let series = try store.series(id: id) else { return nil }
        let start = event.timestamp
        var end = start
        if let text = object["end"] as? String, case .absolute(let time)? = FilterTimePoint(parsing: text), time >= start { end = time }
        let range = window(around: start...end, series: series)
        let samples = try store.samples(series: id, range: range)
        return MetricSeriesExcerpt(series: series, range: range, samples: samples, marked: start...end)
    }

    /// The episode with twice its length (at least ``minimumContext``) on each side, cut to the
    /// series' own extent so the chart is not mostly empty.
    static func window(around episode: ClosedRange<Timestamp>, series: MetricSeriesInfo) -> Range<Timestamp> {
        let context = max(minimumContext, min(Int64.max / 2, Timestamp.span(from: episode.lowerBound, to: episode.upperBound)) * 2)
        var lower = episode.lowerBound.advanced(saturating: -context)
        var upper = episode.upperBound.advanced(saturating: context)
        if let first = series.first, first > lower, first <= episode.lowerBound { lower = first }
        if let last = series.last, last < upper, last >= episode.upperBound { upper = last.advanced(saturating: 1) }
        return lower..<max(upper, lower.advanced(saturating: 1))
    }
}
