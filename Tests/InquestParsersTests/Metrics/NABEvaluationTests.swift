import Foundation
import InquestTestSupport
import InquestCore
import Testing

@testable import InquestParsers

extension MetricsTests {
    @Suite("NAB evaluation")
    struct NABEvaluationTests {
        static func window(_ start: Int64, _ end: Int64) -> ClosedRange<Timestamp> { Timestamp(seconds: start)...Timestamp(seconds: end) }

        static func episode(_ start: Int64, _ end: Int64) -> AnomalyEpisode {
            AnomalyEpisode(series: "s", start: Timestamp(seconds: start), end: Timestamp(seconds: end), peakScore: 1, peakValue: 0, baseline: 0)
        }

        @Test func scoresOverlapPrecisionRecallAndTimeToDetect() {
            let windows = [Self.window(100, 200), Self.window(1000, 1100)]
            let episodes = [Self.episode(50, 120), Self.episode(150, 160), Self.episode(500, 510)]

            let result = NABEvaluation.score(name: "s", points: 10, episodes: episodes, windows: windows)

            #expect(result.truePositiveEpisodes == 2)
            #expect(result.precision == 2.0 / 3.0)
            #expect(result.detectedWindows == 1)
            #expect(result.recall == 0.5)
            #expect(result.timesToDetect == [-50])
        }

        /// Runs the detector over the NAB series and prints the evaluation table (copied into
        /// Sources/InquestParsers/Metrics/EVALUATION.md): `swift test --filter NABEvaluationTests`.
        @Test(.enabled(if: MetricsCorpus.isAvailable, SharedCorpus.skipReason))
        func evaluatesTheNABSeriesAndPrintsTheTable() throws {
            let root = try #require(MetricsCorpus.root)
            let results = try NABEvaluation().run(corpora: root)

            print(NABEvaluation.table(results))
            #expect(results.count == 7)
            #expect(results.allSatisfy { $0.points > 0 }, "every series is read")
            let windows = results.reduce(0) { $0 + $1.windows }
            let detected = results.reduce(0) { $0 + $1.detectedWindows }
            #expect(windows > 0 && detected * 2 >= windows, "the detector finds at least half of NAB's windows: \(detected)/\(windows)")
        }
    }
}
