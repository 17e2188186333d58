import InquestCore
import Testing

@testable import InquestParsers

extension MetricsTests {
    @Suite("Anomaly eventizer")
    struct AnomalyEventizerTests {
        static func time(_ index: Int) -> Timestamp { Timestamp(seconds: 1_000 + Int64(index) * 60) }

        /// Feeds scores (value = score × 100, baseline 0) and collects every closed episode plus the open one.
        static func episodes(_ scores: [Double], configuration: AnomalyEventizer.Configuration) -> [AnomalyEpisode] {
            var eventizer = AnomalyEventizer(series: "s", configuration: configuration)
            var result: [AnomalyEpisode] = []
            for (index, score) in scores.enumerated() {
                let assessment = AnomalyAssessment(score: score, baseline: 0, deviation: 0)
                if let episode = eventizer.observe(timestamp: time(index), value: score * 100, assessment: assessment) {
                    result.append(episode)
                }
            }
            if let open = eventizer.finish() { result.append(open) }
            return result
        }

        let thresholds = AnomalyEventizer.Configuration(high: 0.9, low: 0.5, quietPoints: 3)

        @Test func oneExcursionThatWobblesAroundTheHighThresholdIsOneEpisode() {
            let scores = [0.1, 0.95, 0.6, 0.92, 0.55, 0.4, 0.97, 0.3, 0.2, 0.1, 0.0]
            let episodes = Self.episodes(scores, configuration: thresholds)

            #expect(episodes == [
                AnomalyEpisode(series: "s", start: Self.time(1), end: Self.time(6), peakScore: 0.97, peakValue: 97, baseline: 0)
            ])
        }

        @Test func twoExcursionsSeparatedByEnoughQuietPointsAreTwoEpisodes() {
            let scores = [0.95, 0.1, 0.1, 0.1, 0.7, 0.95, 0.1]
            let episodes = Self.episodes(scores, configuration: thresholds)

            #expect(episodes.map(\.start) == [Self.time(0), Self.time(5)])
            #expect(episodes.map(\.end) == [Self.time(0), Self.time(5)])
        }

        @Test func scoresBetweenTheThresholdsNeverOpenAnEpisode() {
            #expect(Self.episodes([0.6, 0.89, 0.7, 0.5], configuration: thresholds).isEmpty)
        }

        @Test func gapsNeitherExtendNorCloseAnEpisode() {
            var eventizer = AnomalyEventizer(series: "s", configuration: thresholds)
            let high = AnomalyAssessment(score: 0.95, baseline: 1, deviation: 9)
            let quiet = AnomalyAssessment(score: 0, baseline: 1, deviation: 0)

            _ = eventizer.observe(timestamp: Self.time(0), value: 5, assessment: high)
            let closedByGaps = (1...10).compactMap { eventizer.observe(timestamp: Self.time($0), value: .nan, assessment: quiet) }
            let closed = (11...13).compactMap { eventizer.observe(timestamp: Self.time($0), value: 1, assessment: quiet) }

            #expect(closedByGaps.isEmpty)
            #expect(closed.map(\.end) == [Self.time(0)])
        }

        @Test func anEpisodeThatNeverCalmsDownIsClosedAfterMaximumPoints() {
            let configuration = AnomalyEventizer.Configuration(high: 0.9, low: 0.5, quietPoints: 3, maximumPoints: 4)
            let episodes = Self.episodes(Array(repeating: 0.95, count: 10), configuration: configuration)

            #expect(episodes.map(\.start) == [Self.time(0), Self.time(4), Self.time(8)])
            #expect(episodes.map(\.end) == [Self.time(3), Self.time(7), Self.time(9)])
        }

        @Test func severityFollowsThePeakScore() {
            func severity(_ peak: Double) -> Severity {
                AnomalyEpisode(series: "s", start: Self.time(0), end: Self.time(0), peakScore: peak, peakValue: 0, baseline: 0).severity
            }
            #expect(severity(0.9) == .warning)
            #expect(severity(0.95) == .error)
            #expect(severity(0.999) == .critical)
        }
    }
}
