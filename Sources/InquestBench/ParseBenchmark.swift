import Foundation
import InquestCore
import InquestParsers

/// Measures parser throughput on a file already in memory (no I/O in the timed part).
public enum ParseBenchmark {
    /// One measured run.
    public struct Result: Sendable, CustomStringConvertible {
        public var format: LogFormat
        public var lines: Int
        public var events: Int
        public var failures: Int
        public var bytes: Int
        /// Wall-clock seconds of the best run.
        public var seconds: Double
        /// CPU seconds this thread spent in that run (lower than `seconds` when other processes share the cores).
        public var cpuSeconds: Double

        public var linesPerSecond: Double { seconds > 0 ? Double(lines) / seconds : 0 }
        /// Lines per CPU-second: the one-core rate independent of machine load.
        public var linesPerCPUSecond: Double { cpuSeconds > 0 ? Double(lines) / cpuSeconds : 0 }
        public var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / seconds / 1_000_000 : 0 }

        public var description: String {
            String(format: "%@: %d lines, %d events, %d failures, %.3f s wall (%.0f lines/s, %.1f MB/s), %.3f s CPU (%.0f lines/CPU-s)",
                   format.rawValue, lines, events, failures, seconds, linesPerSecond, megabytesPerSecond, cpuSeconds, linesPerCPUSecond)
        }
    }

    /// Parses `bytes` (detecting the format unless given) in 1 MiB chunks, dropping each chunk's
    /// events after counting them (as an ingest pipeline hands them on), best of `repeats` runs.
    public static func run(bytes: [UInt8], format: LogFormat? = nil, repeats: Int = 3) -> Result {
        let chosen = format ?? bytes.withUnsafeBytes { LogFormatDetector.detect(sample: $0) }
        var best: Result?
        for _ in 0..<max(1, repeats) {
            let options = LogParseOptions(sourceName: "bench", sourceIdentity: "/bench", assumedYear: 2026, referenceMonth: 11)
            var parser = LogStreamParser(format: chosen, options: options)
            var events = 0
            var failures = 0
            var lines = 0
            let start = DispatchTime.now().uptimeNanoseconds
            let cpuStart = threadCPUSeconds()
            bytes.withUnsafeBytes { all in
                var offset = 0
                var output = ParseOutput()
                output.events.reserveCapacity(8192)
                while offset < all.count {
                    let end = min(all.count, offset + (1 << 20))
                    parser.feed(UnsafeRawBufferPointer(rebasing: all[offset..<end]), into: &output)
                    events += output.events.count
                    failures += output.failures.count
                    lines += output.physicalLines
                    output.events.removeAll(keepingCapacity: true)
                    output.failures.removeAll(keepingCapacity: true)
                    output.physicalLines = 0
                    offset = end
                }
                parser.finish(into: &output)
                events += output.events.count
                failures += output.failures.count
                lines += output.physicalLines
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let cpuSeconds = threadCPUSeconds() - cpuStart
            let result = Result(format: chosen, lines: lines, events: events, failures: failures, bytes: bytes.count,
                                seconds: seconds, cpuSeconds: cpuSeconds)
            if best.map({ result.seconds < $0.seconds }) ?? true { best = result }
        }
        return best ?? Result(format: chosen, lines: 0, events: 0, failures: 0, bytes: 0, seconds: 0, cpuSeconds: 0)
    }

    /// CPU time of the calling thread.
    static func threadCPUSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Parses `bytes` split at a record boundary into `threads` chunks, one parser per thread
    /// (as ingest can do on both cores); best wall time of `repeats` runs.
    public static func runParallel(bytes: [UInt8], format: LogFormat? = nil, threads: Int = 2, repeats: Int = 3) -> Result {
        let chosen = format ?? bytes.withUnsafeBytes { LogFormatDetector.detect(sample: $0) }
        let starts: [Int] = bytes.withUnsafeBytes { all in
            var starts = [0]
            for part in 1..<max(1, threads) {
                let guess = all.count * part / threads
                if let start = LogStreamParser.recordStart(in: all, from: guess, format: chosen), start > (starts.last ?? 0) {
                    starts.append(start)
                }
            }
            return starts
        }
        let lineCounts: [Int] = starts.map { start in bytes[..<start].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
        var best: Result?
        for _ in 0..<max(1, repeats) {
            let counters = Counters(count: starts.count)
            let begin = DispatchTime.now().uptimeNanoseconds
            do {
                DispatchQueue.concurrentPerform(iterations: starts.count) { part in bytes.withUnsafeBytes { shared in
                    let start = starts[part]
                    let end = part + 1 < starts.count ? starts[part + 1] : shared.count
                    let options = LogParseOptions(sourceName: "bench", sourceIdentity: "/bench", assumedYear: 2026, referenceMonth: 11)
                    var parser = LogStreamParser(format: chosen, options: options, startOffset: Int64(start), startLine: lineCounts[part])
                    var output = ParseOutput()
                    var events = 0, failures = 0, lines = 0
                    var offset = start
                    while offset < end {
                        let chunkEnd = min(end, offset + (1 << 20))
                        parser.feed(UnsafeRawBufferPointer(rebasing: shared[offset..<chunkEnd]), into: &output)
                        events += output.events.count
                        failures += output.failures.count
                        lines += output.physicalLines
                        output.events.removeAll(keepingCapacity: true)
                        output.failures.removeAll(keepingCapacity: true)
                        output.physicalLines = 0
                        offset = chunkEnd
                    }
                    parser.finish(into: &output)
                    counters.set(part, events: events + output.events.count, failures: failures + output.failures.count,
                                 lines: lines + output.physicalLines)
                } }
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e9
            let totals = counters.totals()
            let result = Result(format: chosen, lines: totals.lines, events: totals.events, failures: totals.failures,
                                bytes: bytes.count, seconds: seconds, cpuSeconds: 0)
            if best.map({ result.seconds < $0.seconds }) ?? true { best = result }
        }
        return best ?? Result(format: chosen, lines: 0, events: 0, failures: 0, bytes: 0, seconds: 0, cpuSeconds: 0)
    }

    /// Per-thread totals, written once per thread under a lock.
    private final class Counters: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [(events: Int, failures: Int, lines: Int)]

        init(count: Int) { values = Array(repeating: (0, 0, 0), count: count) }

        func set(_ index: Int, events: Int, failures: Int, lines: Int) {
            lock.lock()
            values[index] = (events, failures, lines)
            lock.unlock()
        }

        func totals() -> (events: Int, failures: Int, lines: Int) {
            lock.lock()
            defer { lock.unlock() }
            return values.reduce((0, 0, 0)) { ($0.0 + $1.events, $0.1 + $1.failures, $0.2 + $1.lines) }
        }
    }

    /// The first `count` events of `bytes` as readable text (for eyeballing a parser's output).
    public static func dump(bytes: [UInt8], format: LogFormat? = nil, count: Int) -> String {
        let chosen = format ?? bytes.withUnsafeBytes { LogFormatDetector.detect(sample: $0) }
        var parser = LogStreamParser(format: chosen, options: LogParseOptions(sourceName: "dump", sourceIdentity: "/dump",
                                                                             assumedYear: 2026, referenceMonth: 11))
        var output = ParseOutput()
        bytes.withUnsafeBytes { parser.feed($0, into: &output) }
        parser.finish(into: &output)
        var text = "format \(chosen.rawValue): \(output.events.count) events, \(output.failures.count) failures, \(output.physicalLines) lines\n"
        for event in output.events.prefix(count) {
            text += "\(event.timestamp) [\(event.timestampText)] q=\(event.timeQuality.rawValue) \(event.severity.name)(\(event.levelText ?? "-"))"
            text += " svc=\(event.service ?? "-") host=\(event.host ?? "-") trace=\(event.traceID ?? "-") req=\(event.requestID ?? "-")\n"
            text += "  msg: \(event.message.prefix(160))\n  attrs: \(event.attributesJSON.prefix(200))\n"
        }
        for failure in output.failures.prefix(count) {
            text += "FAIL line \(failure.line) @\(failure.offset): \(failure.reason)\n"
        }
        return text
    }
}
