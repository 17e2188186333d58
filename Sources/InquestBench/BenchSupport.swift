import Foundation

/// Helpers shared by the benchmarks: data generation, child processes, timing, memory.
enum BenchSupport {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The repository root, found from this source file's compile-time path.
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The release `inquest` binary the benchmarks that drive the real program run
    /// (`swift build -c release --product inquest` first).
    static var releaseBinary: String { repositoryRoot.appendingPathComponent(".build/release/inquest").path }

    static var dataDirectory: URL { repositoryRoot.appendingPathComponent(".build-bench-data") }

    /// `../shared/bench/gen_events.py N` output, generated once and cached.
    static func generatedFile(events: Int, suffix: String) throws -> URL {
        let file = dataDirectory.appendingPathComponent("app-\(events).\(suffix)")
        if FileManager.default.fileExists(atPath: file.path) { return file }
        let generator = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/bench/gen_events.py")
        guard FileManager.default.fileExists(atPath: generator.path) else {
            throw Failure(description: "missing \(generator.path) (the benchmark data generator); place shared/ beside the repository")
        }
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        print("generating \(events) events with gen_events.py (cached in \(dataDirectory.path)) ...")
        let status = try run("/usr/bin/env", ["python3", generator.path, String(events), "--out", dataDirectory.path]).status
        guard status == 0 else { throw Failure(description: "gen_events.py failed with status \(status)") }
        return file
    }

    /// Runs a program, returning its exit status, standard output and wall time.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String, seconds: Double) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        let start = ContinuousClock.now
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self), seconds(since: start))
    }

    static func seconds(between start: ContinuousClock.Instant, and end: ContinuousClock.Instant) -> Double {
        let duration = end - start
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        seconds(between: start, and: ContinuousClock.now)
    }

    /// Peak resident memory of this process (VmHWM), in MiB.
    static func peakResidentMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.filter(\.isNumber)
            return (Double(digits) ?? 0) / 1024
        }
        return 0
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let index = min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))
        return sorted[index]
    }

    static func format(_ value: Double, _ digits: Int = 2) -> String { String(format: "%.\(digits)f", value) }
}
