import InquestCore
import InquestText

/// The heading shown above a series chart (details pane, series overlay): the series name, its
/// service and other labels, and its extent in the range shown.
public enum SeriesChartLines {
    /// `Series NAME · service S · k=v …` then `N samples · min … max` (spans unsanitised;
    /// ``DetailLines`` and the overlay sanitise them).
    public static func heading(_ excerpt: MetricSeriesExcerpt) -> [[DetailSpan]] {
        let series = excerpt.series
        var title = "Series " + series.name
        if let service = series.service { title += " · service " + service }
        let others = series.otherLabelsText
        var lines: [[DetailSpan]] = [[DetailSpan(title, .section)]]
        if !others.isEmpty { lines.append([DetailSpan("labels    ", .key), DetailSpan(others, .value)]) }
        let values = excerpt.samples.map(\.value).filter(\.isFinite)
        let gaps = excerpt.samples.count - values.count
        var summary = "\(excerpt.samples.count) sample\(excerpt.samples.count == 1 ? "" : "s")"
        if let low = values.min(), let high = values.max() {
            let unit = MetricUnit.of(series.name)
            summary += " · min \(SeriesChart.label(low, unit: unit)) · max \(SeriesChart.label(high, unit: unit))"
        }
        if gaps > 0 { summary += " · \(gaps) missing" }
        if excerpt.marked != nil { summary += " · ━ episode" }
        lines.append([DetailSpan("shown     ", .key), DetailSpan(summary, .value)])
        return lines
    }
}
