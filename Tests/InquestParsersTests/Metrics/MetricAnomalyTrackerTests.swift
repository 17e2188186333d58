import Foundation
import InquestCore
import Testing

@testable import InquestParsers

extension MetricsTests {
    @Suite("Metric anomaly tracker")
    struct MetricAnomalyTrackerTests {
        /// Two interleaved series: `a` steps up at 200, `b` spikes at 300.
        static let samples: [MetricSample] = (0..<400).flatMap { index -> [MetricSample] in
            let time = Timestamp(seconds: 1_400_000_000 + Int64(index) * 300)
            return [
                MetricSample(series: "a", labels: ["pod": "x"], timestamp: time, value: index < 200 ? 10 + Double(index % 3) : 40),
                MetricSample(series: "b", timestamp: time, value: index == 300 ? 99 : 5 + Double(index % 4)),
            ]
        }

        @Test func eachSeriesHasItsOwnBaselineAndEpisodes() {
            let (episodes, _) = AnomalyEpisodeDetection.run(Self.samples)

            #expect(episodes.map(\.series) == [#"a{pod="x"}"#, "b"])
            #expect(episodes.map(\.start) == [Self.samples[400].timestamp, Self.samples[601].timestamp])
        }

        @Test func aTrackerRestoredFromACheckpointContinuesExactlyAsAnUninterruptedOne() throws {
            var uninterrupted = MetricAnomalyTracker()
            let expected = Self.samples.map { uninterrupted.observe($0) }
            let expectedTail = uninterrupted.finish()

            var first = MetricAnomalyTracker()
            var results = Self.samples.prefix(500).map { first.observe($0) }
            let checkpoint = try JSONEncoder().encode(first)
            var resumed = try JSONDecoder().decode(MetricAnomalyTracker.self, from: checkpoint)
            results += Self.samples.dropFirst(500).map { resumed.observe($0) }

            #expect(results.map(\.assessment) == expected.map(\.assessment))
            #expect(results.map(\.closed) == expected.map(\.closed))
            #expect(resumed.finish() == expectedTail)
        }

        @Test func seriesKeysPrintLikePrometheus() {
            let key = MetricSeriesKey(series: "up", labels: ["job": "a\"b", "instance": "c\\d"])

            #expect(key.description == #"up{instance="c\\d",job="a\"b"}"#)
            #expect(MetricSeriesKey(series: "up").description == "up")
        }
    }
}
