import Foundation
import InquestCore
import InquestIngest
import InquestStore

/// Ingest end to end (parse + store + full-text index) and filtered queries, against lnav.
struct IngestBenchmark {
    var events = 1_000_000
    var small = 100_000

    init(arguments: [String]) throws {
        var index = 0
        while index < arguments.count {
            let name = arguments[index]
            let value = index + 1 < arguments.count ? Int(arguments[index + 1]) : nil
            switch (name, value) {
            case ("--events", let n?): events = n
            case ("--small", let n?): small = n
            default: throw BenchSupport.Failure(description: "unknown argument \(name)")
            }
            index += 2
        }
    }

    func run() throws {
        print("== ingest benchmark (release build, \(ProcessInfo.processInfo.activeProcessorCount) cores) ==")
        var rows: [(String, ChildResult)] = []
        var lnavPairs: [(ours: ChildResult, lnav: Double)] = []
        let bigJSON = try BenchSupport.generatedFile(events: events, suffix: "jsonl")
        for (count, suffix) in [(small, "jsonl"), (events, "jsonl"), (events, "syslog")] {
            let file = try BenchSupport.generatedFile(events: count, suffix: suffix)
            let steal = StealMeter()
            let result = try runChild(file: file)
            rows.append(("\(count) \(suffix)", result))
            print("\(file.lastPathComponent): \(result.lines) lines, all stored and browsable after \(BenchSupport.format(result.storeSeconds))s (\(Int(Double(result.lines) / result.storeSeconds)) lines/s), full-text complete at \(BenchSupport.format(result.fullTextSeconds))s, peak RSS \(BenchSupport.format(result.peakMiB, 1)) MiB" + (steal.report().map { "; \($0)" } ?? ""))
            print("  meanwhile another connection: first page of \(BrowseDuringIngestProbe.pageSize) newest events after " + result.browse.firstPageText + "; its \(result.browse.readMilliseconds.count) reads every \(BrowseDuringIngestProbe.intervalMicroseconds / 1000) ms took p50 \(BenchSupport.format(BenchSupport.percentile(result.browse.readMilliseconds, 0.5))) ms, p99 \(BenchSupport.format(BenchSupport.percentile(result.browse.readMilliseconds, 0.99))) ms, max \(BenchSupport.format(result.browse.readMilliseconds.max() ?? 0)) ms")
            // lnav on the same file right after, so both see the same load on a shared host.
            if file == bigJSON {
                let lnavSteal = StealMeter()
                if let lnav = lnavSeconds(file: bigJSON) {
                    lnavPairs.append((result, lnav))
                    print("lnav -n -c ';SELECT count(*) FROM all_logs' \(bigJSON.lastPathComponent): \(BenchSupport.format(lnav))s" + (lnavSteal.report().map { "; \($0)" } ?? ""))
                }
            }
        }
        if let pair = lnavPairs.first {
            print("ratio inquest all-browsable / lnav: \(BenchSupport.format(pair.ours.storeSeconds / pair.lnav)); full-text complete / lnav: \(BenchSupport.format(pair.ours.fullTextSeconds / pair.lnav)) (goal ≤ 1 and ≤ 3)")
            if let first = pair.ours.browse.firstPageSeconds {
                print("ratio first page while ingesting / lnav's first screen (after its whole file): \(BenchSupport.format(first / pair.lnav, 3))")
            }
        } else {
            print("lnav not installed (apt-get install lnav) — no peer comparison")
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
    }

    func databasePath(for file: URL) -> String {
        BenchSupport.dataDirectory.appendingPathComponent(file.lastPathComponent + ".db").path
    }

    /// Each measured ingest runs in a fresh process so its peak memory is its own.
    func runChild(file: URL) throws -> ChildResult {
        let db = databasePath(for: file)
        for suffix in ["", "-wal", "-shm", "-fts", "-fts-wal", "-fts-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).path
        let result = try BenchSupport.run(executable, ["ingest-child", file.path, db])
        guard result.status == 0, let data = result.output.split(separator: "\n").last.map({ Data($0.utf8) }) else {
            throw BenchSupport.Failure(description: "ingest child failed (status \(result.status)): \(result.output)")
        }
        return try JSONDecoder().decode(ChildResult.self, from: data)
    }

    static func child(arguments: [String]) throws {
        guard arguments.count == 2 else { throw BenchSupport.Failure(description: "usage: ingest-child FILE DB") }
        let store = try InquestStore.open(path: arguments[1])
        // Opened after the ingest's store, so it finds the file and schema in place.
        let probe = try BrowseDuringIngestProbe(path: arguments[1])
        probe.start()
        let summary = try FileIngestor(store: store).ingest(paths: [arguments[0]])
        let browse = probe.stop()
        let result = ChildResult(
            lines: summary.physicalLines, stored: summary.stored,
            storeSeconds: summary.storeSeconds, fullTextSeconds: summary.fullTextSeconds,
            peakMiB: BenchSupport.peakResidentMiB(), browse: browse
        )
        let data = try JSONEncoder().encode(result)
        print(String(decoding: data, as: UTF8.self))
    }

    func lnavSeconds(file: URL) -> Double? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/lnav") else { return nil }
        guard let result = try? BenchSupport.run("/usr/bin/lnav", ["-n", "-c", ";SELECT count(*) FROM all_logs", file.path]), result.status == 0 else {
            return nil
        }
        return result.seconds
    }
}
