import Foundation
import InquestCore
import InquestStore

/// Issue 3's speed section: the canvas's first frame, keypress-to-frame latencies and peak
/// memory, measured headless through the view-model, the effect executor and the renderer
/// (one child process per store size), then the real binary's first frame in tmux beside lnav.
///
///     inquest-bench canvas [--events 1000000] [--small 100000] [--no-tmux]
struct CanvasBenchmark {
    var events = 1_000_000
    var small = 100_000
    var runsTmux = true

    init(arguments: [String]) throws {
        var index = 0
        while index < arguments.count {
            let name = arguments[index]
            if name == "--no-tmux" {
                runsTmux = false
                index += 1
                continue
            }
            let value = index + 1 < arguments.count ? Int(arguments[index + 1]) : nil
            switch (name, value) {
            case ("--events", let n?) where n > 0: events = n
            case ("--small", let n?) where n > 0: small = n
            default: throw BenchSupport.Failure(description: "unknown or invalid argument \(name); usage: inquest-bench canvas [--events N] [--small N] [--no-tmux]")
            }
            index += 2
        }
    }

    func run() throws {
        print("== canvas benchmark (release build, \(ProcessInfo.processInfo.activeProcessorCount) cores shared with other work; 120×40) ==")
        let sizes = small < events ? [small, events] : [events]
        var stores: [(events: Int, path: String)] = []
        for size in sizes {
            stores.append((size, try ensureStore(events: size)))
        }
        var results: [(Int, CanvasChildResult)] = []
        for store in stores {
            let steal = StealMeter()
            let result = try runChild(databasePath: store.path)
            results.append((store.events, result))
            print(result.table(title: "headless canvas on \(result.storedEvents.grouped) events (\(store.path))"))
            if let report = steal.report() { print("  \(report)") }
        }
        print("-- peak memory (VmHWM of the child: open, first frame, every key above) --")
        for (_, result) in results {
            print("  \(result.storedEvents.grouped.leftPadded(12)) events: \(BenchSupport.format(result.peakMiB, 1)) MiB (goal ≤ 80 MiB, flat in store size)")
        }
        print("Keys run inline on one thread: reduce → run each queued effect against the store → reduce its results → render.")
        print("The runtime runs effects on its effect thread and polls its inbox every 5 ms while effects run, so these figures")
        print("are the work per key (an upper bound on the UI thread's share) and omit up to 5 ms of inbox latency per result.")
        print("Mapped files are the binary and its libraries (the store turns SQLite's mmap off); anonymous includes SQLite's page cache (at most 16 MiB per connection).")
        if runsTmux, let big = stores.last {
            try CanvasFirstFrameInTmux(databasePath: big.path, events: big.events).run()
        }
    }

    /// The ingested store for `events` generated JSON lines: reused when it already holds
    /// them (the ingest benchmark leaves it behind), else generated and ingested here.
    func ensureStore(events: Int) throws -> String {
        let file = BenchSupport.dataDirectory.appendingPathComponent("app-\(events).jsonl")
        let path = file.path + ".db"
        if FileManager.default.fileExists(atPath: path) {
            let stored = try InquestStore.open(path: path).count(.everything)
            // The generator's lines all parse, but allow for a few dead letters.
            if stored >= events * 99 / 100 && stored <= events {
                print("store \(path): \(stored.grouped) events (reused)")
                return path
            }
            print("store \(path) holds \(stored.grouped) events, not \(events.grouped): ingesting again")
        }
        let source = try BenchSupport.generatedFile(events: events, suffix: "jsonl")
        let ingest = try IngestBenchmark(arguments: []).runChild(file: source)
        print("store \(path): ingested \(ingest.stored.grouped) events in \(BenchSupport.format(ingest.storeSeconds))s (full text at \(BenchSupport.format(ingest.fullTextSeconds))s) — setup, not part of the canvas figures")
        return path
    }

    /// Runs the headless measurement in a fresh process so its peak memory is the canvas's own.
    func runChild(databasePath: String) throws -> CanvasChildResult {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).path
        let result = try BenchSupport.run(executable, ["canvas-child", databasePath])
        guard result.status == 0, let line = result.output.split(separator: "\n").last else {
            throw BenchSupport.Failure(description: "canvas child failed (status \(result.status)) on \(databasePath): \(result.output)")
        }
        return try JSONDecoder().decode(CanvasChildResult.self, from: Data(line.utf8))
    }
}

extension Int {
    /// 1,000,000 — as the timeline title shows counts.
    var grouped: String {
        let digits = String(magnitude)
        var text = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { text.append(",") }
            text.append(character)
        }
        return (self < 0 ? "-" : "") + text
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }

    func rightPadded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
