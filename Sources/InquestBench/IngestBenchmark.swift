import Foundation
import InquestCore
import InquestIngest
import InquestStore

/// Ingest end to end (parse + store + full-text index) and filtered queries, beside lnav run
/// with the benchmark's log format (``LnavPeer``), whose record count must equal the line count.
struct IngestBenchmark {
    var events = 500_000
    var small = 100_000
    /// Runs of each `events`-line ingest: this host's speed varies by tens of percent from run
    /// to run, so one run says little.
    var repeats = 3
    /// A larger JSON-lines size measured once more beside lnav (`--large 10000000`), or nil.
    var large: Int?
    /// lnav's `-I` directory (`--lnav-format DIR`); nil looks beside the repository.
    var lnavFormat: String?
    /// Only the `events`-line JSON file, with and without template mining (`--json-only`): no
    /// small or syslog file, lnav, SQLite floor or queries.
    var jsonOnly = false
    /// The issue's own lnav figure for the 1M JSON file on this kind of machine (seconds).
    static let issueLnavSeconds = 2.8
    static let usage = "usage: inquest-bench ingest [--events N] [--small N] [--repeat N] [--large N] [--lnav-format DIR] [--json-only]"

    init(arguments: [String]) throws {
        var index = 0
        while index < arguments.count {
            let name = arguments[index]
            if name == "--json-only" {
                jsonOnly = true
                index += 1
                continue
            }
            let text = index + 1 < arguments.count ? arguments[index + 1] : nil
            let value = text.flatMap { Int($0) }
            switch (name, value) {
            case ("--events", let n?) where n > 0: events = n
            case ("--small", let n?) where n > 0: small = n
            case ("--repeat", let n?) where n >= 1: repeats = n
            case ("--large", let n?) where n > 0: large = n
            case ("--lnav-format", _) where text != nil: lnavFormat = text
            default: throw BenchSupport.Failure(description: "unknown or invalid argument \(name); \(Self.usage)")
            }
            index += 2
        }
    }

    /// One file's medians beside lnav's, for the closing table.
    struct SideBySide {
        var file: String
        var lines: Int
        var browsable: Double
        var fullText: Double
        /// lnav's median seconds, nil when lnav did not run or did not parse every line.
        var lnav: Double?
        /// Median CPU seconds: inquest's parsing threads, writer and indexer together; lnav's.
        var cpu: Double
        var lnavCPU: Double?
        var lnavRecords: String
    }

    func run() throws {
        print("== ingest benchmark (release build, \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(Self.loadAverage())) ==")
        let peer: LnavPeer?
        switch jsonOnly ? .failure(BenchSupport.Failure(description: "--json-only: lnav not run")) : LnavPeer.locate(formatDirectory: lnavFormat) {
        case .success(let found):
            peer = found
            print("peer: \(found.executable) with formats from \(found.formatDirectory), run right after each ingest of \(events) lines or more")
        case .failure(let reason):
            peer = nil
            print(reason.description)
        }
        var rows: [(String, ChildResult)] = []
        var table: [SideBySide] = []
        let bigJSON = try BenchSupport.generatedFile(events: events, suffix: "jsonl")
        var plan = [(small, "jsonl", 1), (events, "jsonl", repeats), (events, "syslog", repeats)]
        if let large { plan.append((large, "jsonl", 1)) }
        if jsonOnly { plan = [(events, "jsonl", repeats)] }
        for (count, suffix, runCount) in plan {
            let file = try BenchSupport.generatedFile(events: count, suffix: suffix)
            var runs: [ChildResult] = []
            var lnavRuns: [LnavPeer.Run] = []
            // The JSON file of `events` lines is also ingested without template mining just
            // before each run, so the mining's cost is measured in the same run under the same load.
            var withoutTemplates: [ChildResult] = []
            for _ in 0..<runCount {
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
                guard count >= events, let peer else { continue }
                let lnavSteal = StealMeter()
                let lnav = try peer.run(file: file)
                lnavRuns.append(lnav)
                print("  \(peer.commandLine(file: file)): \(BenchSupport.format(lnav.seconds))s, \(lnav.recordsText)" + (lnavSteal.report().map { "; \($0)" } ?? ""))
            }
            if !withoutTemplates.isEmpty { printMiningCost(file: file, without: withoutTemplates, with: runs) }
            rows.append(("\(count) \(suffix)", runs[0]))
            guard count >= events else { continue }
            table.append(summarize(file: file, runs: runs, lnavRuns: lnavRuns, peerAvailable: peer != nil))
        }
        printTable(table)
        guard !jsonOnly else {
            print("load average at the end: \(Self.loadAverage())")
            return
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
        print("load average at the end: \(Self.loadAverage())")
    }

    /// The cost of template mining: the runs without it and with it (alternating, same load),
    /// best and median of the time to all stored and of the CPU of the parsing threads and writer.
    private func printMiningCost(file: URL, without: [ChildResult], with: [ChildResult]) {
        func figures(_ label: String, _ value: (ChildResult) -> Double) -> String {
            let before = without.map(value)
            let after = with.map(value)
            let (bestBefore, bestAfter) = (before.min() ?? 0, after.min() ?? 0)
            let (medianBefore, medianAfter) = (BenchSupport.percentile(before, 0.5), BenchSupport.percentile(after, 0.5))
            func change(_ from: Double, _ to: Double) -> String { from > 0 ? "\(BenchSupport.format((to / from - 1) * 100, 1))%" : "-" }
            return "\(label): best \(BenchSupport.format(bestBefore))s without, \(BenchSupport.format(bestAfter))s with (\(change(bestBefore, bestAfter)));"
                + " median \(BenchSupport.format(medianBefore))s without, \(BenchSupport.format(medianAfter))s with (\(change(medianBefore, medianAfter)))"
        }
        print("template mining cost on \(file.lastPathComponent) (\(without.count) runs each, alternating; goal ≤ 15%):")
        print("  " + figures("all stored", \.storeSeconds))
        print("  " + figures("CPU, parsing threads + store writer", { $0.parsingCPU + $0.storingCPU }))
        print("  " + figures("CPU, store writer", \.storingCPU))
    }

    /// The 1, 5 and 15 minute load averages (`/proc/loadavg`), or `?`.
    static func loadAverage() -> String {
        guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return "?" }
        return text.split(separator: " ").prefix(3).joined(separator: " ")
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

    /// The medians of the runs of one file, set beside lnav's (measured right after each run)
    /// and, for JSON lines, beside the issue's 2.8 s.
    func summarize(file: URL, runs: [ChildResult], lnavRuns: [LnavPeer.Run], peerAvailable: Bool) -> SideBySide {
        let stored = BenchSupport.percentile(runs.map(\.storeSeconds), 0.5)
        let indexed = BenchSupport.percentile(runs.map(\.fullTextSeconds), 0.5)
        let lines = runs.first?.lines ?? 0
        let spread = { (values: [Double]) in "\(BenchSupport.format(values.min() ?? 0))–\(BenchSupport.format(values.max() ?? 0))" }
        print("\(file.lastPathComponent), median of \(runs.count): browsable \(BenchSupport.format(stored))s (\(spread(runs.map(\.storeSeconds)))), full text \(BenchSupport.format(indexed))s (\(spread(runs.map(\.fullTextSeconds))))")
        if file.pathExtension == "jsonl" && lines == 1_000_000 {
            print("  against the issue's lnav figure (\(BenchSupport.format(Self.issueLnavSeconds))s): browsable \(BenchSupport.format(stored / Self.issueLnavSeconds)), full text \(BenchSupport.format(indexed / Self.issueLnavSeconds)) (goal ≤ 1 and ≤ 3)")
        }
        let cpu = BenchSupport.percentile(runs.map { $0.parsingCPU + $0.storingCPU + $0.fullTextCPU }, 0.5)
        var row = SideBySide(
            file: file.lastPathComponent, lines: lines, browsable: stored, fullText: indexed, lnav: nil, cpu: cpu, lnavCPU: nil,
            lnavRecords: peerAvailable ? "?" : "not run")
        guard let first = lnavRuns.first else { return row }
        row.lnavRecords = first.recordsText
        let complete = lnavRuns.allSatisfy { $0.records == lines }
        guard complete else {
            print("  lnav parsed \(lnavRuns.map(\.recordsText).joined(separator: ", ")) of \(lines) lines: not every record, so its time is not a comparison (is the format's file-pattern matching \(file.lastPathComponent)?)")
            return row
        }
        let lnav = BenchSupport.percentile(lnavRuns.map(\.seconds), 0.5)
        row.lnav = lnav
        row.lnavCPU = BenchSupport.percentile(lnavRuns.map(\.cpuSeconds), 0.5)
        print("  lnav parsed all \(lines) records (\(first.recordsText)); median \(BenchSupport.format(lnav))s (\(spread(lnavRuns.map(\.seconds)))), CPU \(BenchSupport.format(row.lnavCPU ?? 0))s; inquest CPU \(BenchSupport.format(cpu))s (parse + store + full text)")
        print("  inquest / lnav: browsable \(BenchSupport.format(stored / lnav))×, full text \(BenchSupport.format(indexed / lnav))×")
        if let firstPage = runs.first?.browse.firstPageSeconds {
            print("  first page while ingesting / lnav's first screen (after its whole file): \(BenchSupport.format(firstPage / lnav, 3))")
        }
        return row
    }

    /// The side-by-side table of every measured size.
    func printTable(_ table: [SideBySide]) {
        guard !table.isEmpty else { return }
        print("side by side (medians; lnav -I with the bench format, counted records = lines):")
        let header = ["file", "lines", "inquest browsable", "inquest full text", "lnav indexed", "browsable ÷ lnav", "full text ÷ lnav", "CPU inquest / lnav", "lnav records"]
        var lines = [header]
        for row in table {
            let lnav = row.lnav
            lines.append([
                row.file, String(row.lines), BenchSupport.format(row.browsable) + " s", BenchSupport.format(row.fullText) + " s",
                lnav.map { BenchSupport.format($0) + " s" } ?? "—",
                lnav.map { BenchSupport.format(row.browsable / $0) + "×" } ?? "—",
                lnav.map { BenchSupport.format(row.fullText / $0) + "×" } ?? "—",
                BenchSupport.format(row.cpu) + " s / " + (row.lnavCPU.map { BenchSupport.format($0) + " s" } ?? "—"),
                row.lnavRecords,
            ])
        }
        let widths = header.indices.map { column in lines.map { $0[column].count }.max() ?? 0 }
        for line in lines {
            print("  " + line.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }.joined(separator: "  "))
        }
    }
}
