import InquestCore
import Testing
@testable import InquestParsers

/// Random bytes and random splits: the parsers must never crash, must account for every line,
/// and must give the same result however the stream is cut.
struct FuzzTests {
    /// SplitMix64: a deterministic generator so failures reproduce.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Bytes biased towards the characters the scanners care about.
    static func randomInput(_ generator: inout Generator, length: Int) -> [UInt8] {
        let interesting = Array("{}[]\":,\\ \t\r\n=<>-+.0123456789TZ:/ INFOWARNerror Nov 20 10:15:03 2026-11-20".utf8)
        let snippets = ["{\"ts\":", "\"msg\":\"", "Nov 20 10:15:03 h a[1]: ", "2026-11-20 10:15:03,123 ERROR ",
                        "<34>1 ", "[17/May/2015:10:05:03 +0000] \"GET / HTTP/1.1\" 200 1", "level=warn ", "\\u12", "\u{1F600}", "\n\tat x\n"]
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
        var generator = Generator(state: 0xC0FFEE &+ UInt64(format.rawValue.utf8.count))
        for round in 0..<60 {
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
        var generator = Generator(state: 42)
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
