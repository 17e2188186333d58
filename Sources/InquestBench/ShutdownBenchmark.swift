import Foundation
import InquestCore
import InquestStore
import Synchronization

/// `inquest-bench sigterm [--runs N] [--events N]`: the real `inquest watch` stopped by SIGTERM
/// in the middle of a burst.
///
/// Each run starts `.build/release/inquest watch` following an empty file, appends the
/// gen_events.py JSON lines to it twice over as fast as it can (1 MiB writes), sends SIGTERM
/// 3–6 s into the burst (a different delay per run) and times from the signal until the
/// process has exited (its termination handler, so a zombie's wait is not counted), and prints
/// how many lines were stored by then. Goal: exits within 1 s. (That nothing is lost or stored
/// twice across such stops is the end-to-end crash test's job, not this benchmark's.)
struct ShutdownBenchmark {
    var runs = 4
    var events = 1_000_000

    init(arguments: [String]) throws {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--runs": runs = Int(iterator.next() ?? "") ?? runs
            case "--events": events = Int(iterator.next() ?? "") ?? events
            default: throw BenchSupport.Failure(description: "unknown sigterm option \(argument)")
            }
        }
    }

    func run() throws {
        print("== SIGTERM during a burst (release build, \(ProcessInfo.processInfo.activeProcessorCount) cores) ==")
        let inquest = BenchSupport.releaseBinary
        guard FileManager.default.isExecutableFile(atPath: inquest) else {
            throw BenchSupport.Failure(description: "build it first: swift build -c release --product inquest")
        }
        let source = try BenchSupport.generatedFile(events: events, suffix: "jsonl")
        guard let data = FileManager.default.contents(atPath: source.path) else { throw BenchSupport.Failure(description: "cannot read \(source.path)") }
        var figures: [Double] = []
        for run in 0..<runs {
            let delay = 3.0 + 3.0 * Double(run) / Double(max(1, runs - 1))
            let steal = StealMeter()
            let result = try measure(inquest: inquest, burst: data, delay: delay)
            figures.append(result.seconds)
            print("run \(run + 1): SIGTERM \(BenchSupport.format(delay, 1)) s into a \((data.count * 2) >> 20) MiB burst → exited \(BenchSupport.format(result.seconds, 3)) s later with status \(result.status); \(result.stored) lines stored by then" + (steal.report().map { "; \($0)" } ?? ""))
        }
        print("signal → exit: \(figures.map { BenchSupport.format($0, 2) }.joined(separator: ", ")) s (max \(BenchSupport.format(figures.max() ?? 0, 2)) s; goal ≤ 1 s)")
    }

    struct Result {
        var seconds: Double
        var status: Int32
        var stored: Int
    }

    private func measure(inquest: String, burst: Data, delay: Double) throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("inquest-sigterm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = directory.appendingPathComponent("app.log").path
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let config = directory.appendingPathComponent("watch.yaml")
        try "feeds:\n  - name: app\n    kind: file\n    paths: [\(log)]\n    format: json\n".write(to: config, atomically: true, encoding: .utf8)
        let database = directory.appendingPathComponent("inquest.db").path

        let process = Process()
        process.executableURL = URL(fileURLWithPath: inquest)
        process.arguments = ["watch", "--config", config.path, "--db", database]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let exited = Mutex<ContinuousClock.Instant?>(nil)
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in
            exited.withLock { $0 = ContinuousClock.now }
            done.signal()
        }
        try process.run()
        Thread.sleep(forTimeInterval: 1)

        // The burst: the file twice over, in 1 MiB writes, until done or told to stop.
        let stop = Atomic<Bool>(false)
        let writerDone = DispatchSemaphore(value: 0)
        let writer = Thread {
            defer { writerDone.signal() }
            guard let handle = FileHandle(forWritingAtPath: log) else { return }
            defer { try? handle.close() }
            for _ in 0..<2 {
                var offset = 0
                while offset < burst.count, !stop.load(ordering: .relaxed) {
                    let end = min(burst.count, offset + (1 << 20))
                    handle.write(burst[offset..<end])
                    offset = end
                }
            }
        }
        writer.start()
        Thread.sleep(forTimeInterval: delay)
        let signalled = ContinuousClock.now
        process.terminate()  // SIGTERM
        guard done.wait(timeout: .now() + 60) == .success else {
            process.interrupt()
            throw BenchSupport.Failure(description: "inquest watch did not exit within 60 s of SIGTERM")
        }
        let seconds = exited.withLock { instant in instant.map { BenchSupport.seconds(between: signalled, and: $0) } } ?? .nan
        stop.store(true, ordering: .relaxed)
        writerDone.wait()
        let store = try InquestStore.open(path: database)
        return Result(seconds: seconds, status: process.terminationStatus, stored: try store.count(.everything))
    }
}
