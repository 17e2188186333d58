import Foundation
import InquestCore
import InquestParsers

/// Scores the anomaly detector against the NAB subset's labelled anomaly windows
/// (`nab/labels/combined_windows_subset.json`).
///
/// Per series: an episode is a true positive when it overlaps a window (starts inside it or spans
/// into it); precision = true-positive episodes / episodes; recall = windows overlapped by at least
/// one episode / windows; time-to-detect = start of the first overlapping episode − window start.
struct NABEvaluation {
    struct SeriesResult {
        var name: String
        var points: Int
        var episodes: Int
        var truePositiveEpisodes: Int
        var windows: Int
        var detectedWindows: Int
        /// Seconds from window start to the first overlapping episode's start, per detected window.
        var timesToDetect: [Int64]

        var precision: Double? { episodes == 0 ? nil : Double(truePositiveEpisodes) / Double(episodes) }
        var recall: Double? { windows == 0 ? nil : Double(detectedWindows) / Double(windows) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    var detector: AnomalyDetector.Configuration = .standard
    var eventizer: AnomalyEventizer.Configuration = .standard

    /// Runs every series named in the windows file under `corpora/nab`.
    func run(corpora: URL) throws -> [SeriesResult] {
        let nab = corpora.appendingPathComponent("nab")
        let labelsURL = nab.appendingPathComponent("labels/combined_windows_subset.json")
        guard let data = FileManager.default.contents(atPath: labelsURL.path),
            let json = try JSONSerialization.jsonObject(with: data) as? [String: [[String]]]
        else { throw Failure(description: "cannot read \(labelsURL.path) as {series: [[start, end]]}") }
        return try json.keys.sorted().map { name in
            let windows = try (json[name] ?? []).map { pair -> ClosedRange<Timestamp> in
                guard pair.count == 2, let start = MetricTimestampParser.parse(pair[0]),
                    let end = MetricTimestampParser.parse(pair[1]), start <= end
                else { throw Failure(description: "\(labelsURL.path): bad window \(pair) for \(name)") }
                return start...end
            }
            let csvURL = nab.appendingPathComponent("data/" + name)
            guard let csv = FileManager.default.contents(atPath: csvURL.path) else {
                throw Failure(description: "missing series \(csvURL.path)")
            }
            let (samples, errors) = CSVSeriesParser.parse(String(decoding: csv, as: UTF8.self), defaultSeries: name)
            guard errors.isEmpty else { throw Failure(description: "\(csvURL.path): \(errors[0])") }
            let (episodes, _) = AnomalyEpisodeDetection.run(samples, detector: detector, eventizer: eventizer)
            return Self.score(name: name, points: samples.count, episodes: episodes, windows: windows)
        }
    }

    static func score(name: String, points: Int, episodes: [AnomalyEpisode], windows: [ClosedRange<Timestamp>]) -> SeriesResult {
        func overlaps(_ episode: AnomalyEpisode, _ window: ClosedRange<Timestamp>) -> Bool {
            episode.start <= window.upperBound && episode.end >= window.lowerBound
        }
        let truePositives = episodes.filter { episode in windows.contains { overlaps(episode, $0) } }.count
        var detected = 0
        var delays: [Int64] = []
        for window in windows {
            guard let first = episodes.filter({ overlaps($0, window) }).min(by: { $0.start < $1.start }) else { continue }
            detected += 1
            delays.append(first.start.seconds - window.lowerBound.seconds)
        }
        return SeriesResult(
            name: name, points: points, episodes: episodes.count, truePositiveEpisodes: truePositives,
            windows: windows.count, detectedWindows: detected, timesToDetect: delays)
    }

    /// A Markdown table of the results with a total row (micro-averaged precision and recall).
    static func table(_ results: [SeriesResult]) -> String {
        func ratio(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "n/a" }
        func hours(_ seconds: Int64) -> String { String(format: "%+.1fh", Double(seconds) / 3600) }
        var lines = [
            "| series | points | episodes | precision | windows | recall | time-to-detect per detected window |",
            "|---|---:|---:|---:|---:|---:|---|",
        ]
        for result in results {
            let delays = result.timesToDetect.isEmpty ? "-" : result.timesToDetect.map(hours).joined(separator: ", ")
            lines.append(
                "| \(result.name) | \(result.points) | \(result.episodes) | \(ratio(result.precision)) | \(result.windows) | \(ratio(result.recall)) | \(delays) |")
        }
        let episodes = results.map(\.episodes).reduce(0, +)
        let truePositives = results.map(\.truePositiveEpisodes).reduce(0, +)
        let windows = results.map(\.windows).reduce(0, +)
        let detected = results.map(\.detectedWindows).reduce(0, +)
        let allDelays = results.flatMap(\.timesToDetect).sorted()
        let median = allDelays.isEmpty ? "-" : hours(allDelays[allDelays.count / 2]) + " (median)"
        lines.append(
            "| **total** | \(results.map(\.points).reduce(0, +)) | \(episodes) | \(ratio(episodes == 0 ? nil : Double(truePositives) / Double(episodes))) | \(windows) | \(ratio(windows == 0 ? nil : Double(detected) / Double(windows))) | \(median) |")
        return lines.joined(separator: "\n")
    }
}
