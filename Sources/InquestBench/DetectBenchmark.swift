import Foundation
import InquestCore
import InquestParsers

/// Measures the anomaly detector's throughput on one core: samples scored per second, on series
/// generated in memory (no I/O or parsing in the timed part).
///
/// `inquest-bench detect [--samples N] [--series S]`: S series of N / S samples each at one-minute
/// steps, a daily cycle plus deterministic noise with a spike every 997 samples, scored series
/// after series (each with its own ``AnomalyDetector``, as a store's series are), best of three runs.
struct DetectBenchmark {
    var samples = 2_000_000
    var series = 20

    init(arguments: [String]) throws {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch (argument, iterator.next().flatMap { Int($0) }) {
            case ("--samples", let n?) where n > 0: samples = n
            case ("--series", let n?) where n > 0: series = n
            default: throw BenchSupport.Failure(description: "usage: inquest-bench detect [--samples N] [--series S]")
            }
        }
    }

    func run() throws {
        let perSeries = max(1, samples / series)
        let data = (0..<series).map { DetectWorkload.values(count: perSeries, seed: UInt64($0) + 1) }
        let start = Timestamp(seconds: 1_700_000_000)
        var bestWall = Double.infinity
        var bestCPU = Double.infinity
        var flagged = 0
        for _ in 0..<3 {
            let clock = ContinuousClock.now
            let cpu = ParseBenchmark.threadCPUSeconds()
            var high = 0
            for values in data {
                var detector = AnomalyDetector()
                for (index, value) in values.enumerated() {
                    let score = detector.score(timestamp: start.advanced(saturating: Int64(index) * 60_000_000_000), value: value)
                    if score >= 0.8 { high += 1 }
                }
            }
            bestWall = min(bestWall, BenchSupport.seconds(since: clock))
            bestCPU = min(bestCPU, ParseBenchmark.threadCPUSeconds() - cpu)
            flagged = high
        }
        let total = Double(perSeries * series)
        print(
            "detect: \(series) series × \(perSeries) samples, \(flagged) scored ≥ 0.8; best of 3: "
                + "\(BenchSupport.format(bestWall, 3)) s wall (\(BenchSupport.format(total / bestWall / 1e6, 2))M samples/s), "
                + "\(BenchSupport.format(bestCPU, 3)) s CPU (\(BenchSupport.format(total / bestCPU / 1e6, 2))M samples/CPU-s, one core)")
    }
}
