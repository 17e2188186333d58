import Foundation
import InquestCore
import Testing
@testable import InquestParsers

struct PlainParserTests {
    @Test func findsTimeNearTheStartAndLevelWords() throws {
        let text = """
        - 1117838570 2005.06.03 R02-M1-N0 RAS KERNEL FATAL data storage interrupt\r
        job 12 started at (2026-11-20T10:15:03Z) with WARN flag\r
        nothing to see here, an error happened in a sentence\r
        stack trace printed\r
        """
        let output = ParseHarness.parse(text, .plain)
        #expect(output.failures.isEmpty)
        try #require(output.events.count == 4)
        #expect(output.events[0].timestamp == Timestamp(seconds: 1_117_838_570))
        #expect(output.events[0].severity == .critical)
        #expect(output.events[0].levelText == "FATAL")
        #expect(output.events[1].timestamp == ParseHarness.time("2026-11-20T10:15:03Z"))
        #expect(output.events[1].severity == .warning)
        #expect(output.events[2].severity == .info, "'error' inside a sentence is free text, not a level")
        #expect(output.events[2].timeQuality == .missing)
        #expect(output.events[2].timestamp == output.events[1].timestamp)
        #expect(output.events[3].severity == .info, "'trace' in prose is not a level")
    }

    @Test func repairsInvalidUTF8AndKeepsTheRawBytes() throws {
        let bytes: [UInt8] = [0x6F, 0x6B, 0x20, 0xFF, 0xC3, 0x28, 0x20, 0xE6, 0x97, 0xA5, 0x0A]
        let output = ParseHarness.parse(bytes, .plain)
        let event = try #require(output.events.first)
        #expect(event.message == "ok \u{FFFD}\u{FFFD}( 日")
        #expect(event.raw == Array(bytes.dropLast()))
        #expect(output.failures.isEmpty)
    }
}
