import Foundation
import InquestCore
import InquestIngest
import InquestStore
import InquestWatch
import Logging
import Synchronization

/// `inquest-bench follow [--events N] [--markers M]`: the watcher following a file.
///
/// Phase 1 (throughput): a writer appends N gen_events.py JSON lines to a followed file as fast
/// as it can (1,000-line writes) while the watcher (FeedSupervisor + lease + FTS catch-up, as
/// `inquest watch` runs it) stores them and a canvas-like reader polls the store (count + newest
/// window every 250 ms). Reports sustained lines/s from first append to last line stored.
/// Phase 2 (latency): one marker line every 20 ms; a reader polling every 2 ms records when each
/// became visible in the store. Reports p50/p99/max append-to-visible.
struct FollowBenchmark {
    var events = 500_000
    var markers = 200
    var fullText = true
    var reader = true

    init(arguments: [String]) throws {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--events": events = Int(iterator.next() ?? "") ?? events
            case "--markers": markers = Int(iterator.next() ?? "") ?? markers
            case "--no-fts": fullText = false
            case "--no-reader": reader = false
            default: throw BenchSupport.Failure(description: "unknown follow option \(argument)")
            }
        }
    }

    func run() throws {
        print("== follow benchmark (release build, \(ProcessInfo.processInfo.activeProcessorCount) cores, shared machine) ==")
        let source = try BenchSupport.generatedFile(events: events, suffix: "jsonl")
        guard let data = FileManager.default.contents(atPath: source.path) else { throw BenchSupport.Failure(description: "cannot read \(source.path)") }
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("inquest-follow-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // Baseline under the same machine load: the one-off `inquest ingest` path on the same file.
        let baselineStore = try InquestStore.open(path: directory.appendingPathComponent("baseline.db").path)
        let baselineStart = ContinuousClock.now
        _ = try FileIngestor(store: baselineStore, options: IngestOptions(indexFullText: false)).ingest(paths: [source.path])
        let baselineSeconds = BenchSupport.seconds(since: baselineStart)
        print("baseline, inquest ingest of the same file now (no full text): \(Int(Double(lines.count) / baselineSeconds)) lines/s")

        let logPath = directory.appendingPathComponent("app.log").path
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        let store = try InquestStore.open(path: directory.appendingPathComponent("inquest.db").path)
        let feed = FollowedFileFeed(name: "bench", patterns: [logPath], settings: FollowSettings(format: .json))
        let watcher = Watcher(feeds: [feed], store: store, indexesFullText: fullText, logger: InquestStore.silentLogger)
        let watching = Task { await watcher.run() }
        defer { watching.cancel() }

        // Phase 1: throughput with a canvas-like reader.
        let stopReader = Mutex(false)
        let reader = Thread {
            while !stopReader.withLock({ $0 }) {
                _ = try? store.count(.everything)
                _ = try? store.window(.everything, anchor: .newest, limit: 60)
                usleep(250_000)
            }
        }
        if self.reader { reader.start() }
        let steal = StealMeter()
        let start = ContinuousClock.now
        let descriptor = open(logPath, O_WRONLY | O_APPEND)
        var index = 0
        while index < lines.count {
            var chunk = Data()
            for line in lines[index..<min(lines.count, index + 1000)] {
                chunk.append(contentsOf: line)
                chunk.append(UInt8(ascii: "\n"))
            }
            chunk.withUnsafeBytes { _ = write(descriptor, $0.baseAddress, $0.count) }
            index += 1000
        }
        let written = BenchSupport.seconds(since: start)
        // Done when the follower's checkpoint reaches the end of the file (a cheap read; counting
        // rows this often would compete with the writer), then the rows are counted once.
        let fileSize = Int64(lines.reduce(0) { $0 + $1.count + 1 })
        let key = "follow:" + URL(fileURLWithPath: logPath).standardizedFileURL.path
        while (try store.checkpoint(key: key).flatMap { FollowPosition(encoded: $0.position) }?.offset ?? 0) < fileSize {
            usleep(10_000)
            if BenchSupport.seconds(since: start) > 600 { throw BenchSupport.Failure(description: "not all lines stored after 600 s") }
        }
        let total = BenchSupport.seconds(since: start)
        let stealReport = steal.report()
        let stored = try store.count(.everything)
        guard stored == lines.count else { throw BenchSupport.Failure(description: "stored \(stored) of \(lines.count) lines") }
        stopReader.withLock { $0 = true }
        print("full-text catch-up in the watcher: \(fullText ? "on" : "off (--no-fts)"); canvas-like reader: \(self.reader ? "on" : "off (--no-reader)")")
        print("throughput: \(lines.count) lines (\(data.count >> 20) MiB) appended in \(BenchSupport.format(written))s, all stored after \(BenchSupport.format(total))s: \(Int(Double(lines.count) / total)) lines/s sustained (goal ≥ 100,000)" + (stealReport.map { "; \($0)" } ?? ""))
        if fullText {
            // The watcher indexes every health interval (1 s); wait for it rather than index here.
            while try store.fullTextBacklog() > 0 {
                usleep(50_000)
                if BenchSupport.seconds(since: start) > 600 { throw BenchSupport.Failure(description: "full text not complete after 600 s") }
            }
            print("full-text index complete after \(BenchSupport.format(BenchSupport.seconds(since: start)))s")
        }

        // Phase 2: append-to-visible latency.
        let appendedAt = Mutex([Int: ContinuousClock.Instant]())
        let latencies = Mutex([Double]())
        let stopLatency = Mutex(false)
        let poller = Thread {
            var seen = Set<Int>()
            while !stopLatency.withLock({ $0 }) {
                let now = ContinuousClock.now
                for row in (try? store.window(.everything, anchor: .newest, limit: 200)) ?? [] where row.message.hasPrefix("marker-") {
                    guard let number = Int(row.message.dropFirst(7)), !seen.contains(number),
                          let appended = appendedAt.withLock({ $0[number] }) else { continue }
                    seen.insert(number)
                    let elapsed = now - appended
                    latencies.withLock { $0.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000) }
                }
                usleep(2_000)
            }
        }
        poller.start()
        for number in 0..<markers {
            // Dated after every generated event, so the newest window (what a following canvas shows) has it.
            let line = #"{"ts":"2099-01-01T\#(String(format: "%02d:%02d:%02d", number / 3600, number / 60 % 60, number % 60))Z","level":"info","service":"bench","msg":"marker-\#(number)"}"# + "\n"
            appendedAt.withLock { $0[number] = ContinuousClock.now }
            line.utf8CString.withUnsafeBytes { _ = write(descriptor, $0.baseAddress, $0.count - 1) }
            usleep(20_000)
        }
        usleep(1_500_000)
        stopLatency.withLock { $0 = true }
        close(descriptor)
        let sorted = latencies.withLock { $0 }.sorted()
        guard !sorted.isEmpty else { throw BenchSupport.Failure(description: "no marker became visible") }
        func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p))] }
        print("latency append → visible in store (\(sorted.count)/\(markers) markers, poll 200 ms): p50 \(BenchSupport.format(percentile(0.5))) ms, p99 \(BenchSupport.format(percentile(0.99))) ms, max \(BenchSupport.format(sorted.last ?? 0)) ms (goal < 1000 ms)")
        print("peak RSS \(BenchSupport.format(BenchSupport.peakResidentMiB(), 1)) MiB")
    }
}
