import Foundation
import InquestCore
import InquestTestSupport
import Testing

@testable import InquestParsers

extension MetricsTests {
    /// The detector scores from the first samples: a series that jumps by orders of magnitude
    /// against its own short history is anomalous at once.
    @Suite("Anomaly detector, first minutes")
    struct AnomalyDetectorFirstMinutesTests {
        static func time(_ index: Int) -> Timestamp { Timestamp(seconds: 1_674_981_669 + Int64(index) * 60) }

        static func assessments(_ values: [Double]) -> [AnomalyAssessment] {
            var detector = AnomalyDetector()
            return values.enumerated().map { detector.assess(timestamp: time($0.offset), value: $0.element) }
        }

        /// A client p90 latency of 5–40 ms for seven minutes, then 20 s for five, then back.
        static let latency: [Double] = [0.0375, 0.0046, 0.0205, 0.0375, 0.008, 0.04, 0.0046, 20, 18, 17, 19, 19, 0.0046, 0.0425, 0.0046]

        @Test func aJumpByOrdersOfMagnitudeSevenSamplesInScoresHighAtOnce() {
            let scores = Self.assessments(Self.latency).map(\.score)

            #expect(scores[7] > 0.99)
            #expect(scores.prefix(7).allSatisfy { $0 < 0.5 })
        }

        @Test func theExcursionIsOneEpisodeFromItsFirstSample() {
            let samples = Self.latency.enumerated().map {
                MetricSample(series: "PodClientLatencyP90(s)", labels: ["PodName": "contacts-1"], timestamp: Self.time($0.offset), value: $0.element)
            }
            let (episodes, _) = AnomalyEpisodeDetection.run(samples)

            #expect(episodes.count == 1)
            #expect(episodes.first?.start == Self.time(7))
            #expect(episodes.first.map { $0.end >= Self.time(8) && $0.end <= Self.time(11) } == true)
            #expect(episodes.first?.key == MetricSeriesKey(series: "PodClientLatencyP90(s)", labels: ["PodName": "contacts-1"]))
        }

        @Test func nothingIsScoredBeforeTheWarmUp() {
            let warmUp = AnomalyDetector.Configuration.standard.warmUp
            let values = (0..<warmUp).map { $0 == warmUp - 1 ? 1e9 : Double($0 % 2) }

            #expect(Self.assessments(values).allSatisfy { $0.score == 0 })
        }

        /// The baseline widens as data arrives: a jump that is large against ten values but ordinary
        /// against a thousand noisy ones is scored on what the detector has seen so far.
        @Test func theBaselineIsWhatHasBeenSeenSoFar() {
            let noise = AnomalyDetectorTests.noise(1000)
            let quietStart = (0..<10).map { 10 + 0.01 * noise[$0] } + [13]
            let noisyStart = (0..<1000).map { 10 + 2 * noise[$0] } + [13]

            #expect(Self.assessments(quietStart).last.map { $0.score > 0.9 } == true)
            #expect(Self.assessments(noisyStart).last.map { $0.score < 0.5 } == true)
        }

        /// The repeat of a reported excursion is damped in the score but not in the level.
        @Test func aSustainedExcursionIsReportedOnceButItsLevelStaysHigh() {
            let values = Array(repeating: 1.0, count: 50).enumerated().map { $0.element + 0.01 * Double($0.offset % 3) }
                + Array(repeating: 100.0, count: 5)
            let tail = Self.assessments(values).suffix(5)

            #expect(tail.first.map { $0.score > 0.99 } == true)
            // The second value repeats the first; once the excursion has been seen twice it is in
            // the tail of a 50-value window and counts towards the spread.
            #expect(Array(tail)[1].score < 0.5 && Array(tail)[1].level > 0.9)
        }

        @Test(.enabled(if: SharedCorpus.isAvailable, SharedCorpus.skipReason))
        func theNezhaContactsServiceLatencyJumpScoresHighAtItsFirstSample() throws {
            let text = try MetricsCorpus.text("nezha/rca_data/2023-01-29/metric/ts-contacts-service-866bd68c97-xcqfx_metric.csv")
            let (samples, _) = CSVSeriesParser.parse(text, defaultSeries: "ts-contacts-service")
            let latency = samples.filter { $0.series == "PodClientLatencyP90(s)" }
            var detector = AnomalyDetector()
            let scored = latency.map { (sample: $0, score: detector.score(timestamp: $0.timestamp, value: $0.value)) }
            let jump = try #require(scored.first { $0.sample.value > 10 })

            #expect(jump.sample.timestamp.iso8601.hasPrefix("2023-01-29T08:48"))
            #expect(jump.score > 0.99)

            let events = MetricAnomalyEvents.events(for: samples, sourceName: "metric.csv", identity: "metric.csv")
            let latencyEvent = try #require(events.first { $0.attributesJSON.contains(#""metric":"PodClientLatencyP90(s)""#) })
            #expect(latencyEvent.timestamp == jump.sample.timestamp)
            #expect(latencyEvent.message.contains("PodClientLatencyP90(s)"))
        }
    }
}
