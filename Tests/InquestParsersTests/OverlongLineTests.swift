import Foundation
import InquestCore
@testable import InquestParsers
import Testing

/// A line longer than ``LogStreamParser/maxLineBytes`` is kept in pieces, never parsed or held
/// whole, and nothing of it is lost.
struct OverlongLineTests {
    static let limit = LogStreamParser.maxLineBytes

    /// `before`, a line of `length` bytes (ending with CR when `crlf`), `after`.
    static func stream(length: Int, crlf: Bool = false, format: LogFormat = .logfmt) -> (bytes: [UInt8], long: [UInt8]) {
        var long = [UInt8](repeating: UInt8(ascii: "x"), count: length)
        long[0] = UInt8(ascii: "<")
        long[length - 1] = UInt8(ascii: ">")
        let before = Array("time=2026-11-20T10:00:00Z level=info msg=before\n".utf8)
        let after = Array("time=2026-11-20T10:00:01Z level=warn msg=after\n".utf8)
        return (before + long + (crlf ? [0x0D, 0x0A] : [0x0A]) + after, long)
    }

    @Test(arguments: [
        [],                                 // the whole stream in one feed
        Array(stride(from: 1 << 20, to: 50 << 20, by: 1 << 20)),  // 1 MiB chunks, as ingest reads
        [100, 16 << 20, (16 << 20) + 1, 33 << 20],                 // splits near the piece edges
    ])
    func aLongLineIsKeptInPiecesAndTheLinesAroundItParse(splits: [Int]) throws {
        let length = 2 * Self.limit + 5_000_000
        let (bytes, long) = Self.stream(length: length, crlf: true)
        let output = ParseHarness.parse(bytes, .logfmt, splits: splits)

        #expect(output.events.map(\.message) == ["before", "after"])
        #expect(output.physicalLines == 3)
        try #require(output.failures.count == 3)
        #expect(output.failures.map(\.piece) == [1, 2, 3])
        #expect(output.failures.allSatisfy { $0.line == 2 })
        #expect(output.failures.map(\.raw.count) == [Self.limit, Self.limit, length - 2 * Self.limit])
        #expect(output.failures.flatMap(\.raw) == long, "every byte kept, in order, without the CR")
        let start = Int64(bytes.firstIndex(of: UInt8(ascii: "<")) ?? -1)
        #expect(output.failures.map(\.offset) == [start, start + Int64(Self.limit), start + 2 * Int64(Self.limit)])
        #expect(output.failures[0].reason.contains("longer than 16 MiB"))
        #expect(output.failures[1].location(in: "app.log") == "app.log:2 piece 2")
        #expect(output.rawBytes >= length)
    }

    @Test func aLineOfExactlyTheLimitIsParsedAsUsual() {
        let (bytes, _) = Self.stream(length: Self.limit)
        let output = ParseHarness.parse(bytes, .plain, splits: [1 << 20, 9 << 20])
        #expect(output.failures.isEmpty)
        #expect(output.events.count == 3)
        #expect(output.events[1].raw.count == Self.limit)
    }

    @Test func aStreamThatNeverEndsItsLineHoldsAtMostOnePieceAtATime() {
        // Given a parser fed 40 MiB without a newline, 1 MiB at a time
        var parser = LogStreamParser(format: .json, options: ParseHarness.options())
        var output = ParseOutput()
        let chunk = [UInt8](repeating: UInt8(ascii: "{"), count: 1 << 20)
        var heldMost: Int64 = 0
        for index in 0..<40 {
            chunk.withUnsafeBytes { parser.feed($0, into: &output) }
            // The parser would restart at its resume point: never more than one piece behind.
            let fed = Int64(index + 1) << 20
            heldMost = max(heldMost, fed - parser.resumePoint.offset)
        }
        #expect(heldMost <= Int64(Self.limit))
        #expect(output.failures.count == 2)
        parser.finish(into: &output)
        #expect(output.failures.map(\.raw.count) == [Self.limit, Self.limit, (40 << 20) - 2 * Self.limit])
        #expect(output.physicalLines == 1)
    }

    @Test func aStackTraceStopsGrowingBeforeTheLimitAndLosesNothing() {
        // Given a log4j record followed by continuation lines worth 20 MiB in all
        let header = "2026-11-20 10:15:04,456 ERROR [main] com.example.App - request failed\n"
        let frame = "\tat com.example.Frame.call(Frame.java:" + String(repeating: "9", count: 1_000) + ")\n"
        let frames = (20 << 20) / frame.utf8.count
        let text = header + String(repeating: frame, count: frames) + "2026-11-20 10:15:05,000 INFO  [main] com.example.App - next\n"
        let output = ParseHarness.parse(Array(text.utf8), .log4j, splits: Array(stride(from: 1 << 20, to: 30 << 20, by: 1 << 20)))

        // Then the record stopped short of the limit, the rest became records of its own, and
        // every line is in some record
        #expect(output.failures.isEmpty)
        #expect(output.events.count >= 3)
        #expect(output.events.allSatisfy { $0.raw.count < Self.limit })
        #expect(output.events[0].message.contains("request failed"))
        #expect(output.events.last?.message.contains("next") == true)
        let kept = output.events.reduce(0) { $0 + $1.raw.count + 1 }
        #expect(kept == text.utf8.count, "every byte is in a record (plus one newline each)")
    }
}
