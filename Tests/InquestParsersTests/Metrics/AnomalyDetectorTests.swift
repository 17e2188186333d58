import Foundation
import InquestCore
import Testing

@testable import InquestParsers

extension MetricsTests {
    @Suite("Anomaly detector")
    struct AnomalyDetectorTests {
        static let fiveMinutes: Int64 = 300

        static func time(_ index: Int) -> Timestamp { Timestamp(seconds: 1_400_000_000 + Int64(index) * fiveMinutes) }

        /// Deterministic noise in [-1, 1] (a linear congruential generator), so tests never flake.
        static func noise(_ count: Int, seed: UInt64 = 42) -> [Double] {
            var state = seed
            return (0..<count).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Double(state >> 11) / Double(1 << 53) * 2 - 1
            }
        }

        static func scores(_ values: [Double], configuration: AnomalyDetector.Configuration = .standard) -> [Double] {
            var detector = AnomalyDetector(configuration: configuration)
            return values.enumerated().map { detector.score(timestamp: time($0.offset), value: $0.element) }
        }

        @Test func aFlatSeriesScoresZero() {
            let scores = Self.scores(Array(repeating: 42, count: 500))

            #expect(scores.allSatisfy { $0 == 0 })
        }

        @Test func scoresAreZeroDuringWarmUpAndAlwaysWithinZeroAndOne() {
            let values = Self.noise(400).enumerated().map { $0.offset == 20 || $0.offset == 300 ? 1e6 : $0.element }
            let scores = Self.scores(values)

            #expect(scores.prefix(AnomalyDetector.Configuration.standard.warmUp).allSatisfy { $0 == 0 })
            #expect(scores.allSatisfy { (0...1).contains($0) })
            #expect(scores[300] > 0.99)
        }

        @Test func aStepChangeScoresHighThenTheEpisodeEnds() {
            let values = (0..<2000).map { $0 < 300 ? 10.0 : 20.0 }
            let samples = values.enumerated().map { MetricSample(series: "step", timestamp: Self.time($0.offset), value: $0.element) }
            let (episodes, scores) = AnomalyEpisodeDetection.run(samples)

            #expect(scores[299] == 0)
            #expect(scores[300] > 0.99)
            #expect(scores[1999] == 0)
            #expect(episodes.count == 1)
            #expect(episodes.first?.start == Self.time(300))
            #expect(episodes.first.map { $0.end < Self.time(700) } == true)
            #expect(episodes.first?.baseline == 10)
            #expect(episodes.first?.severity == .critical)
        }

        /// Fourteen days of a daily sine (amplitude 10, noise ±0.5) at five-minute steps, with one spike of
        /// +6 (below the sine's own peaks, so only a time-of-day baseline can see it) on day 10.
        @Test func aDailySeasonalSineFlagsTheSpikeButNotThePeaks() {
            let perDay = 288
            let spike = 10 * perDay + 144  // 12:00, where the sine crosses zero going down
            let noise = Self.noise(14 * perDay)
            let values = (0..<(14 * perDay)).map { index in
                10 * sin(2 * Double.pi * Double(index % perDay) / Double(perDay)) + 0.5 * noise[index] + (index == spike ? 6 : 0)
            }
            var detector = AnomalyDetector()
            var assessments: [AnomalyAssessment] = []
            for (index, value) in values.enumerated() {
                assessments.append(detector.assess(timestamp: Self.time(index), value: value))
            }

            let peaks = (4..<14).map { $0 * perDay + perDay / 4 }
            let lateScores = assessments.enumerated().filter { $0.offset >= 4 * perDay && $0.offset != spike }.map(\.element.score)
            #expect(assessments[spike].score > 0.9)
            #expect(assessments[spike].seasonalPeriodSeconds == 86_400)
            #expect(peaks.allSatisfy { assessments[$0].score < 0.5 })
            #expect(lateScores.allSatisfy { $0 < 0.9 })
        }

        @Test func scoresOfAPrefixDoNotChangeWhenDataIsAppended() {
            let values = Self.noise(2000, seed: 7).enumerated().map { $0.element * 3 + ($0.offset % 500 == 499 ? 40 : 0) }
            let full = Self.scores(values)
            let prefix = Self.scores(Array(values.prefix(1234)))

            #expect(Array(full.prefix(1234)) == prefix)
        }

        @Test func gapsNeverCrashAndAreSkipped() {
            var values = Self.noise(300)
            for index in stride(from: 0, to: 300, by: 7) { values[index] = .nan }
            values[100] = .infinity
            values[101] = -.infinity
            let withGaps = Self.scores(values)
            let withoutGaps = Self.scores(values.filter(\.isFinite))

            #expect(withGaps.allSatisfy { (0...1).contains($0) })
            #expect(values.indices.filter { !values[$0].isFinite }.allSatisfy { withGaps[$0] == 0 })
            // Within a day no seasonal profile is active, so skipping gaps must equal removing them.
            #expect(withGaps.enumerated().filter { values[$0.offset].isFinite }.map(\.element) == withoutGaps)
        }

        @Test func anAllNaNSeriesScoresZero() {
            #expect(Self.scores(Array(repeating: .nan, count: 100)).allSatisfy { $0 == 0 })
        }
    }
}
