import InquestCore
@testable import InquestRender
import InquestViewModel
import Testing

/// Metric series on screen (golden files): the details pane charting an anomaly event's series
/// around its episode, and the `M` overlay's list and chart.
@Suite struct SnapshotSeriesChartTests {
    static let minute: Int64 = 60_000_000_000
    static let start = SnapshotFixture.base

    /// 90 one-minute samples of a p99 latency around 20 ms, missing for minutes 20–24, with an
    /// excursion to 0.9 s in minutes 50–55 (the episode).
    static var excerpt: MetricSeriesExcerpt {
        let samples = (0..<90).map { index -> StoredSample in
            let value: Double
            switch index {
            case 20..<25: value = .nan
            case 50..<56: value = 0.3 + Double(index - 50) * 0.12
            default: value = 0.02 + 0.001 * Double(index % 7)
            }
            return StoredSample(timestamp: start.advanced(saturating: Int64(index) * minute), value: value)
        }
        let series = MetricSeriesInfo(
            id: 42, name: "PodClientLatencyP99(s)",
            labels: ["PodName": "ts-contacts-service-866bd68c97-xcqfx", "service": "ts-contacts-service"],
            sampleCount: 90, first: samples.first?.timestamp, last: samples.last?.timestamp, minimum: 0.02, maximum: 0.9)
        return MetricSeriesExcerpt(
            series: series, range: start..<start.advanced(saturating: 90 * minute), samples: samples,
            marked: start.advanced(saturating: 50 * minute)...start.advanced(saturating: 55 * minute))
    }

    static var list: [MetricSeriesInfo] {
        let pods = ["ts-contacts-service-866bd68c97-xcqfx", "ts-order-service-5b67c48447-mv5hb"]
        var list: [MetricSeriesInfo] = []
        for (index, name) in ["CpuUsage(m)", "MemoryUsage(Mi)", "PodClientLatencyP99(s)"].enumerated() {
            for (podIndex, pod) in pods.enumerated() {
                let service = String(pod.split(separator: "-").dropLast(2).joined(separator: "-"))
                list.append(MetricSeriesInfo(
                    id: Int64(index * 2 + podIndex + 1), name: name, labels: ["PodName": pod, "service": service],
                    sampleCount: 919, first: start, last: start.advanced(saturating: 918 * minute)))
            }
        }
        list.append(MetricSeriesInfo(id: 7, name: "http_requests_total", labels: ["job": "edge\u{1B}[31m"], sampleCount: 3, first: start, last: start))
        return list
    }

    @Test(arguments: [(120, 40), (80, 24)])
    func detailsChartTheSeriesOfAMetricEventAroundItsEpisode(width: Int, height: Int) throws {
        var state = SnapshotFixture.state(width: width, height: height, focus: .details, maximised: true)
        state.details.detail?.series = Self.excerpt
        let buffer = CanvasRenderer.render(state, width: width, height: height)
        try Snapshot.assertMatches(buffer, named: "series-details-\(width)x\(height)")
    }

    @Test(arguments: [(120, 40), (80, 24)])
    func theOverlayListsTheSeriesMatchingTheFilter(width: Int, height: Int) throws {
        var state = SnapshotFixture.state(width: width, height: height)
        state.seriesOverlay = SeriesOverlayState(query: TextField("contacts"), all: Self.list, selected: 1)
        let buffer = CanvasRenderer.render(state, width: width, height: height)
        try Snapshot.assertMatches(buffer, named: "series-list-\(width)x\(height)")
        #expect(!buffer.textLines().joined().contains("ts-order-service"))
    }

    @Test(arguments: [(120, 40), (80, 24)])
    func theOverlayChartsTheChosenSeries(width: Int, height: Int) throws {
        var state = SnapshotFixture.state(width: width, height: height)
        var excerpt = Self.excerpt
        excerpt.marked = nil
        state.seriesOverlay = SeriesOverlayState(all: Self.list, selected: 4, range: excerpt.range, chartedID: 42, chart: excerpt)
        let buffer = CanvasRenderer.render(state, width: width, height: height)
        try Snapshot.assertMatches(buffer, named: "series-chart-\(width)x\(height)")
        #expect(!buffer.textLines().joined().contains("\u{1B}"))
    }
}
