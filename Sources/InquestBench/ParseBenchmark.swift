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
        public var seconds: Double

        public var linesPerSecond: Double { seconds > 0 ? Double(lines) / seconds : 0 }
        public var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / seconds / 1_000_000 : 0 }

        public var description: String {
            String(format: "%@: %d lines, %d events, %d failures, %.3f s, %.0f lines/s, %.1f MB/s",
                   format.rawValue, lines, events, failures, seconds, linesPerSecond, megabytesPerSecond)
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
            let result = Result(format: chosen, lines: lines, events: events, failures: failures, bytes: bytes.count, seconds: seconds)
            if best.map({ result.seconds < $0.seconds }) ?? true { best = result }
        }
        return best ?? Result(format: chosen, lines: 0, events: 0, failures: 0, bytes: 0, seconds: 0)
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
