import InquestTestSupport
import InquestCore
import Testing
@testable import InquestParsers

/// Random bytes and random splits: the parsers must never crash, must account for every line,
/// and must give the same result however the stream is cut.
struct FuzzTests {
    typealias Generator = SeededRandom

    /// Bytes biased towards the characters the scanners care about.
    static func randomInput(_ generator: inout Generator, length: Int) -> [UInt8] {
        let interesting = Array("{}[]\":,\\ \t\r\n=<>-+.0123456789TZ:/ INFOWARNerror Nov 20 10:15:03 2026-11-20".utf8)
        let snippets = ["{\"ts\":", "\"msg\":\"", "Nov 20 10:15:03 h a[1]: ", "2026-11-20 10:15:03,123 ERROR ",
                        "<34>1 ", "[17/May/2015:10:05:03 +0000] \"GET / HTTP/1.1\" 200 1", "level=warn ", "\\u12", "\u{1F600}", "\n\tat x\n",
                        "{\"level\":123456789012345678901234,\"ts\":99999999999999999999999}", "ts=18446744073709551616 lvl=99999999999999999999",
                        "{\"ts\":\"9999-12-31T24:60:60.9999999999-18:00\"}", "<191>1 0000-01-01T00:00:00Z"]
            .map { Array($0.utf8) }
        var out: [UInt8] = []
        while out.count < length {
            switch generator.next() % 4 {
            case 0: out.append(UInt8.random(in: 0...255, using: &generator))
            case 1: out.append(contentsOf: snippets[Int(generator.next() % UInt64(snippets.count))])
            default: out.append(interesting[Int(generator.next() % UInt64(interesting.count))])
            }
        }
        return out
    }

    @Test(arguments: LogFormat.allCases)
    func randomBytesAndSplitsNeverCrashAndAgree(format: LogFormat) {
        var generator = Generator(seed: 0xC0FFEE &+ UInt64(format.rawValue.utf8.count))
        for round in 0..<200 {
            let input = Self.randomInput(&generator, length: Int(generator.next() % 600) + 1)
            let whole = ParseHarness.parse(input, format)
            let splitCount = Int(generator.next() % 6)
            let splits = (0..<splitCount).map { _ in Int(generator.next() % UInt64(input.count + 1)) }
            let parts = ParseHarness.parse(input, format, splits: splits)
            #expect(parts.events == whole.events, "round \(round)")
            #expect(parts.failures == whole.failures, "round \(round)")
            let newlines = input.filter { $0 == 0x0A }.count
            let expectedLines = newlines + (input.last == 0x0A ? 0 : 1)
            #expect(whole.physicalLines == expectedLines, "round \(round)")
            #expect(whole.events.count + whole.failures.count <= expectedLines)
            _ = input.withUnsafeBytes { LogFormatDetector.detect(sample: $0) }
        }
    }

    @Test func everyRecordOffsetPointsAtItsRawBytes() {
        var generator = Generator(seed: 42)
        for format in LogFormat.allCases {
            let input = Self.randomInput(&generator, length: 4000)
            let output = ParseHarness.parse(input, format)
            for failure in output.failures {
                let start = Int(failure.offset)
                #expect(Array(input[start..<(start + failure.raw.count)]).filter { $0 != 0x0D } == failure.raw.filter { $0 != 0x0D })
            }
        }
    }
}

/// Every format copes with a 100 KB line and with CRLF endings.
struct LongLineTests {
    static func line(_ format: LogFormat, filler: String) -> String {
        switch format {
        case .json: #"{"ts":"2026-11-20T10:15:03Z","msg":""# + filler + #""}"#
        case .logfmt: "ts=2026-11-20T10:15:03Z msg=\"" + filler + "\""
        case .syslog: "Nov 20 10:15:03 host app[1]: ERROR " + filler
        case .access: "1.2.3.4 - - [20/Nov/2026:10:15:03 +0000] \"GET /" + filler + " HTTP/1.1\" 200 5"
        case .log4j: "2026-11-20 10:15:03,000 ERROR [main] a.B - " + filler
        case .plain: "worker-7 2026-11-20T10:15:03Z " + filler
        }
    }

    @Test(arguments: LogFormat.allCases)
    func parsesA100KilobyteLineWithCRLF(format: LogFormat) throws {
        let filler = String(repeating: "ab界", count: 100_000 / 5)
        let text = Self.line(format, filler: filler) + "\r\n" + Self.line(format, filler: "short") + "\r\n"
        let output = ParseHarness.parse(Array(text.utf8), format, splits: [7, 50_000, 99_999])
        #expect(output.failures.isEmpty)
        try #require(output.events.count == 2)
        #expect(output.events[0].raw.count > 100_000)
        #expect(output.events.allSatisfy { $0.raw.last != 0x0D })
        #expect(output.events[0].timestamp == ParseHarness.time("2026-11-20T10:15:03Z"))
        #expect(ParseHarness.detect(text) == format)
    }
}

/// Parsing a stream in chunks split at record starts gives what one parser over the whole gives.
struct ChunkedParsingTests {
    @Test(arguments: [(JSONFixtures.multiLine, LogFormat.json), (Log4jFixtures.stackTrace, .log4j)])
    func chunksSplitAtRecordStartsMatchTheWholeStream(text: String, format: LogFormat) {
        let bytes = Array(text.utf8)
        let whole = ParseHarness.parse(bytes, format)
        for guess in 1..<bytes.count {
            let split = bytes.withUnsafeBytes { LogStreamParser.recordStart(in: $0, from: guess, format: format) } ?? bytes.count
            let linesBefore = bytes[..<split].filter { $0 == 0x0A }.count
            var first = LogStreamParser(format: format, options: ParseHarness.options())
            var second = LogStreamParser(format: format, options: ParseHarness.options(), startOffset: Int64(split), startLine: linesBefore)
            var output = ParseOutput()
            bytes.withUnsafeBytes { all in
                first.feed(UnsafeRawBufferPointer(rebasing: all[0..<split]), into: &output)
                first.finish(into: &output)
                second.feed(UnsafeRawBufferPointer(rebasing: all[split...]), into: &output)
                second.finish(into: &output)
            }
            #expect(output.events == whole.events, "split at \(split)")
        }
    }
}
