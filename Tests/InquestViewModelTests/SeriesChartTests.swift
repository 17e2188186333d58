import InquestCore
import InquestText
import Testing
@testable import InquestViewModel

@Suite struct SeriesChartTests {
    static let minute: Int64 = 60_000_000_000
    static let start = Timestamp(seconds: 1_674_981_660) // 2023-01-29T08:41:00Z

    static func excerpt(_ values: [Double], name: String = "latency(s)", marked: ClosedRange<Int>? = nil) -> MetricSeriesExcerpt {
        let samples = values.enumerated().map { StoredSample(timestamp: time($0.offset), value: $0.element) }
        let series = MetricSeriesInfo(id: 1, name: name, labels: [:], sampleCount: values.count, first: time(0), last: time(values.count - 1))
        return MetricSeriesExcerpt(
            series: series, range: time(0)..<time(values.count), samples: samples,
            marked: marked.map { time($0.lowerBound)...time($0.upperBound) })
    }

    static func time(_ minutes: Int) -> Timestamp { start.advanced(saturating: Int64(minutes) * minute) }

    static func text(_ lines: [[DetailSpan]]) -> [String] { lines.map { $0.map(\.text).joined() } }

    @Test(arguments: [(40, 8), (80, 12), (120, 20), (22, 4)])
    func everyLineFitsTheSizeAndTheAxesAreLabelled(width: Int, height: Int) {
        let lines = Self.text(SeriesChart.lines(Self.excerpt((0..<60).map { Double($0 % 10) }), width: width, height: height))
        #expect(lines.count == height)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= width })
        #expect(lines[0].trimmingWhitespace.hasPrefix("9 s ┤"))
        #expect(lines[height - 3].trimmingWhitespace.hasPrefix("0 s ┤"))
        #expect(lines[height - 2].contains("└──"))
        #expect(lines[height - 1].hasSuffix("09:41"))
        #expect(lines[height - 1].trimmingWhitespace.hasPrefix("08:41"))
    }

    @Test func aRampRisesFromTheBottomLeftToTheTopRight() {
        let lines = Self.text(SeriesChart.lines(Self.excerpt((0..<40).map(Double.init), name: "x"), width: 30, height: 6))
        let plot = lines.prefix(4).map { Array($0.drop { $0 != "┤" && $0 != "│" }.dropFirst()) }
        #expect(plot[3].first.map { $0 != " " } == true)
        #expect(plot[0].last.map { $0 != " " } == true)
        #expect(plot[0].first == " " && plot[3].last == " ")
        // Braille only, and one dot column after another: no blank cell inside the line.
        #expect(plot.allSatisfy { row in row.allSatisfy { $0 == " " || ("\u{2800}"..."\u{28FF}").contains($0) } })
        #expect((0..<plot[0].count).allSatisfy { column in plot.contains { $0[column] != " " } })
    }

    @Test func aGapDrawsNoDotsAndIsDashedOnTheAxis() {
        var values = (0..<60).map { _ in 5.0 }
        for index in 20..<40 { values[index] = .nan }
        let lines = SeriesChart.lines(Self.excerpt(values), width: 42, height: 6)
        let axis = lines[4]
        #expect(axis.contains { $0.kind == .chartGap && $0.text.allSatisfy { $0 == "╌" } })
        let text = Self.text(lines)
        let axisText = Array(text[4].drop { $0 != "└" }.dropFirst())
        let plotRow = text.prefix(4).map { Array($0.drop { $0 != "┤" && $0 != "│" }.dropFirst()) }
        for (column, mark) in axisText.enumerated() where mark == "╌" {
            #expect(plotRow.allSatisfy { $0[column] == " " })
        }
        #expect(axisText.first == "─" && axisText.last == "─")
    }

    @Test func aLongSilenceBetweenSamplesIsAGapToo() {
        // Samples every minute, then nothing for 30 minutes, then every minute again.
        let times = Array(0..<20) + Array(50..<70)
        let samples = times.map { StoredSample(timestamp: Self.time($0), value: Double($0 % 3)) }
        let series = MetricSeriesInfo(id: 1, name: "x", labels: [:], sampleCount: samples.count, first: nil, last: nil)
        let excerpt = MetricSeriesExcerpt(series: series, range: Self.time(0)..<Self.time(70), samples: samples)
        let axis = Self.text(SeriesChart.lines(excerpt, width: 40, height: 6))[4]
        #expect(axis.filter { $0 == "╌" }.count >= 10)
    }

    @Test func theMarkedRangeIsHeavyOnTheAxisWithItsStartTimeUnderIt() {
        let values = (0..<60).map { $0 >= 30 && $0 < 36 ? 90.0 : 10.0 }
        let lines = SeriesChart.lines(Self.excerpt(values, marked: 30...35), width: 70, height: 8)
        let text = Self.text(lines)
        #expect(text[6].contains("━"))
        #expect(text[7].contains("▲09:11"))
        #expect(lines[0].contains { $0.kind == .chartMarked && $0.text.contains { $0 != " " } })
        let axis = Array(text[6].drop { $0 != "└" }.dropFirst())
        let heavy = axis.indices.filter { axis[$0] == "━" }
        #expect(heavy.first.map { Double($0) / Double(axis.count) }.map { abs($0 - 0.5) < 0.05 } == true)
    }

    @Test func valuesAreLabelledWithTheirUnitAndScale() {
        #expect(SeriesChart.label(0.04875, unit: "s") == "0.04875 s")
        #expect(SeriesChart.label(424.1054, unit: "Mi") == "424.1 Mi")
        #expect(SeriesChart.label(57117.016, unit: nil) == "57.1k")
        #expect(SeriesChart.label(3.2e9, unit: "B") == "3.2G B")
        #expect(MetricUnit.of("CpuUsageRate(%)") == "%")
        #expect(MetricUnit.of("http_request_duration_seconds_bucket") == "s")
        #expect(MetricUnit.of("node_network_receive_bytes_total") == "B")
        #expect(MetricUnit.of("SyscallRead") == nil)
    }

    @Test func aFlatSeriesIsOneLevelLine() {
        let lines = Self.text(SeriesChart.lines(Self.excerpt((0..<30).map { _ in 7 }, name: "x"), width: 30, height: 6))
        let rows = lines.prefix(4).map { $0.drop { $0 != "┤" && $0 != "│" }.dropFirst() }
        #expect(rows.filter { $0.contains { $0 != " " } }.count == 1)
    }

    @Test func noSamplesOrNoRoomSaySoInOneLine() {
        let empty = Self.text(SeriesChart.lines(Self.excerpt([.nan, .nan]), width: 60, height: 8))
        #expect(empty == ["no samples of this series in 08:41:00–08:43:00"])
        let tiny = Self.text(SeriesChart.lines(Self.excerpt([1, 2, 3]), width: 12, height: 8))
        #expect(tiny == ["(too small …"])
    }

    @Test func detailsOfAMetricEventShowItsSeriesHeadingAndChart() {
        var excerpt = Self.excerpt((0..<60).map { Double($0 % 5) }, marked: 10...12)
        excerpt.series.labels = ["service": "cart", "pod": "cart-7d97b69596-lmsfv"]
        let event = Event(
            timestamp: Self.time(10), timestampText: "", sourceKind: .metric, sourceName: "m.csv", severity: .error,
            service: "cart", message: "anomaly", attributesJSON: "{}", raw: [], dedupeKey: DedupeKey(high: 1, low: 1))
        let lines = Self.text(DetailLines.build(EventDetail(event: event, series: excerpt), width: 70))
        let heading = lines.firstIndex { $0 == "Series latency(s) · service cart" }
        #expect(heading != nil)
        #expect(lines.contains("labels    pod=cart-7d97b69596-lmsfv"))
        #expect(lines.contains { $0.hasPrefix("shown     60 samples · min 0 s · max 4 s · ━ episode") })
        #expect(lines.contains { $0.contains("▲08:51") })
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 70 })
    }
}
