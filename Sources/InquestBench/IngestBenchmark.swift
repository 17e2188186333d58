import Foundation
import InquestCore
import InquestIngest
import InquestStore

/// Ingest end to end (parse + store + full-text index) and filtered queries, against lnav.
struct IngestBenchmark {
    var events = 1_000_000
    var small = 100_000
    /// Runs of each 1M-line ingest: this host's speed varies by tens of percent from run to
    /// run, so one run says little.
    var repeats = 3
    /// The issue's own lnav figure for the 1M JSON file on this kind of machine (seconds).
    static let issueLnavSeconds = 2.8

    init(arguments: [String]) throws {
        var index = 0
        while index < arguments.count {
            let name = arguments[index]
            let value = index + 1 < arguments.count ? Int(arguments[index + 1]) : nil
            switch (name, value) {
            case ("--events", let n?): events = n
            case ("--small", let n?): small = n
            case ("--repeat", let n?) where n >= 1: repeats = n
            default: throw BenchSupport.Failure(description: "unknown argument \(name)")
            }
            index += 2
        }
    }

    func run() throws {
        print("== ingest benchmark (release build, \(ProcessInfo.processInfo.activeProcessorCount) cores) ==")
        var rows: [(String, ChildResult)] = []
        let bigJSON = try BenchSupport.generatedFile(events: events, suffix: "jsonl")
        for (count, suffix) in [(small, "jsonl"), (events, "jsonl"), (events, "syslog")] {
            let file = try BenchSupport.generatedFile(events: count, suffix: suffix)
            var runs: [ChildResult] = []
            var lnavRuns: [LnavRun] = []
            // The 1M JSON file is also ingested without template mining just before each run,
            // so the mining's cost is measured in the same run under the same load.
            var withoutTemplates: [ChildResult] = []
            for _ in 0..<(count == small ? 1 : repeats) {
                if count == events, suffix == "jsonl" {
                    let baseline = try runChild(file: file, mineTemplates: false)
                    withoutTemplates.append(baseline)
                    print("\(file.lastPathComponent) without template mining: all stored and browsable after \(BenchSupport.format(baseline.storeSeconds))s, store writer \(BenchSupport.format(baseline.storingCPU))s CPU, parsing threads \(BenchSupport.format(baseline.parsingCPU))s")
                }
                let steal = StealMeter()
                let result = try runChild(file: file)
                runs.append(result)
                print("\(file.lastPathComponent): \(result.lines) lines, all stored and browsable after \(BenchSupport.format(result.storeSeconds))s (\(Int(Double(result.lines) / result.storeSeconds)) lines/s), full-text complete at \(BenchSupport.format(result.fullTextSeconds))s, peak RSS \(BenchSupport.format(result.peakMiB, 1)) MiB" + (steal.report().map { "; \($0)" } ?? ""))
                // Parsing threads and the writer share the cores: storing cannot end before the
                // writer's own CPU, nor before all of their CPU spread over every core.
                let cores = Double(max(1, ProcessInfo.processInfo.activeProcessorCount))
                let bound = max(result.storingCPU, (result.parsingCPU + result.storingCPU) / cores)
                print("  CPU: parsing threads \(BenchSupport.format(result.parsingCPU))s in all, store writer \(BenchSupport.format(result.storingCPU))s, full-text indexer \(BenchSupport.format(result.fullTextCPU))s (so all stored at best after \(BenchSupport.format(bound))s on \(Int(cores)) cores)")
                print("  meanwhile another connection: first page of \(BrowseDuringIngestProbe.pageSize) newest events after " + result.browse.firstPageText + "; its \(result.browse.readMilliseconds.count) reads every \(BrowseDuringIngestProbe.intervalMicroseconds / 1000) ms took p50 \(BenchSupport.format(BenchSupport.percentile(result.browse.readMilliseconds, 0.5))) ms, p99 \(BenchSupport.format(BenchSupport.percentile(result.browse.readMilliseconds, 0.99))) ms, max \(BenchSupport.format(result.browse.readMilliseconds.max() ?? 0)) ms")
                // lnav on the same file right after, so both see the same load on a shared host.
                guard count == events else { continue }
                let lnavSteal = StealMeter()
                if let lnav = lnavRun(file: file) {
                    lnavRuns.append(lnav)
                    print("  lnav -n -c ';SELECT count(*) FROM all_logs' \(file.lastPathComponent): \(BenchSupport.format(lnav.seconds))s, \(lnav.records.map { "\($0)" } ?? "?") records" + (lnavSteal.report().map { "; \($0)" } ?? ""))
                }
            }
            if !withoutTemplates.isEmpty {
                let before = BenchSupport.percentile(withoutTemplates.map(\.storeSeconds), 0.5)
                let after = BenchSupport.percentile(runs.map(\.storeSeconds), 0.5)
                print("template mining cost on \(file.lastPathComponent): median all stored \(BenchSupport.format(before))s without, \(BenchSupport.format(after))s with (\(BenchSupport.format((after / before - 1) * 100, 1))%; goal ≤ 15%)")
            }
            rows.append(("\(count) \(suffix)", runs[0]))
            guard count == events else { continue }
            summarize(file: file, runs: runs, lnavRuns: lnavRuns)
        }
        let floorSteal = StealMeter()
        if let floor = SQLiteFloor.seconds(copyingEventsOf: databasePath(for: bigJSON), rows: events) {
            print("SQLite alone, copying those \(events) rows into an empty store of the same schema (\(SQLiteFloor.rowsPerTransaction) per transaction; no parsing, no full text): \(BenchSupport.format(floor))s" + (floorSteal.report().map { "; \($0)" } ?? ""))
        } else {
            print("sqlite3 shell not installed (apt-get install sqlite3) — no SQLite floor")
        }
        if let smallRow = rows.first, let bigRow = rows.dropFirst().first {
            print("peak memory \(small) vs \(events) events: \(BenchSupport.format(smallRow.1.peakMiB, 1)) MiB vs \(BenchSupport.format(bigRow.1.peakMiB, 1)) MiB")
        }
        try QueryBenchmark(databasePath: databasePath(for: bigJSON)).run()
    }

    struct ChildResult: Codable {
        var lines: Int
        var stored: Int
        var storeSeconds: Double
        var fullTextSeconds: Double
        var peakMiB: Double
        /// What a second connection saw while the ingest ran (see ``BrowseDuringIngestProbe``).
        var browse: BrowseDuringIngestProbe.Result
        /// CPU seconds of the parsing threads (together), the store's writer and the full-text indexer.
        var parsingCPU: Double
        var storingCPU: Double
        var fullTextCPU: Double
    }

    func databasePath(for file: URL) -> String {
        BenchSupport.dataDirectory.appendingPathComponent(file.lastPathComponent + ".db").path
    }

    /// Each measured ingest runs in a fresh process so its peak memory is its own.
    func runChild(file: URL, mineTemplates: Bool = true) throws -> ChildResult {
        let db = databasePath(for: file)
        for suffix in ["", "-wal", "-shm", "-fts", "-fts-wal", "-fts-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).path
        let result = try BenchSupport.run(executable, ["ingest-child", file.path, db] + (mineTemplates ? [] : ["--no-templates"]))
        guard result.status == 0, let data = result.output.split(separator: "\n").last.map({ Data($0.utf8) }) else {
            throw BenchSupport.Failure(description: "ingest child failed (status \(result.status)): \(result.output)")
        }
        return try JSONDecoder().decode(ChildResult.self, from: data)
    }

    static func child(arguments: [String]) throws {
        guard arguments.count == 2 || (arguments.count == 3 && arguments[2] == "--no-templates") else {
            throw BenchSupport.Failure(description: "usage: ingest-child FILE DB [--no-templates]")
        }
        let store = try InquestStore.open(path: arguments[1])
        // Opened after the ingest's store, so it finds the file and schema in place.
        let probe = try BrowseDuringIngestProbe(path: arguments[1])
        probe.start()
        let options = IngestOptions(mineTemplates: arguments.count == 2)
        let summary = try FileIngestor(store: store, options: options).ingest(paths: [arguments[0]])
        let browse = probe.stop()
        let result = ChildResult(
            lines: summary.physicalLines, stored: summary.stored,
            storeSeconds: summary.storeSeconds, fullTextSeconds: summary.fullTextSeconds,
            peakMiB: BenchSupport.peakResidentMiB(), browse: browse,
            parsingCPU: summary.cpuSeconds.parsing, storingCPU: summary.cpuSeconds.storing,
            fullTextCPU: summary.cpuSeconds.fullText
        )
        let data = try JSONEncoder().encode(result)
        print(String(decoding: data, as: UTF8.self))
    }

    /// The medians of the runs of one file, set beside lnav's and the issue's 2.8 s.
    func summarize(file: URL, runs: [ChildResult], lnavRuns: [LnavRun]) {
        let stored = BenchSupport.percentile(runs.map(\.storeSeconds), 0.5)
        let indexed = BenchSupport.percentile(runs.map(\.fullTextSeconds), 0.5)
        let spread = { (values: [Double]) in "\(BenchSupport.format(values.min() ?? 0))–\(BenchSupport.format(values.max() ?? 0))" }
        print("\(file.lastPathComponent), median of \(runs.count): browsable \(BenchSupport.format(stored))s (\(spread(runs.map(\.storeSeconds)))), full text \(BenchSupport.format(indexed))s (\(spread(runs.map(\.fullTextSeconds))))")
        if file.pathExtension == "jsonl" {
            print("  against the issue's lnav figure (\(BenchSupport.format(Self.issueLnavSeconds))s): browsable \(BenchSupport.format(stored / Self.issueLnavSeconds)), full text \(BenchSupport.format(indexed / Self.issueLnavSeconds)) (goal ≤ 1 and ≤ 3)")
        }
        guard !lnavRuns.isEmpty else {
            print("  lnav not installed (apt-get install lnav) — no peer comparison")
            return
        }
        let lnav = BenchSupport.percentile(lnavRuns.map(\.seconds), 0.5)
        let lines = runs.first?.lines ?? 0
        let parsed = lnavRuns.allSatisfy { $0.records == lines }
        print("  against lnav measured beside it (median \(BenchSupport.format(lnav))s): browsable \(BenchSupport.format(stored / lnav)), full text \(BenchSupport.format(indexed / lnav))"
            + (parsed ? "" : " — lnav did not parse this file's records (it counted \(lnavRuns.first?.records.map { "\($0)" } ?? "?") of \(lines)), so its time is for finding lines only"))
        if let first = runs.first?.browse.firstPageSeconds {
            print("  first page while ingesting / lnav's first screen (after its whole file): \(BenchSupport.format(first / lnav, 3))")
        }
    }

    /// One lnav run: seconds to open and index the file, and the records it counted.
    struct LnavRun {
        var seconds: Double
        var records: Int?
    }

    func lnavRun(file: URL) -> LnavRun? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/lnav") else { return nil }
        guard let result = try? BenchSupport.run("/usr/bin/lnav", ["-n", "-c", ";SELECT count(*) FROM all_logs", file.path]), result.status == 0 else {
            return nil
        }
        // The output is a header line and the count.
        let records = result.output.split(whereSeparator: \.isNewline).compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.last
        return LnavRun(seconds: result.seconds, records: records)
    }
}
