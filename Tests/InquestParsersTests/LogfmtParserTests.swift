import InquestCore
import Testing
@testable import InquestParsers

struct LogfmtParserTests {
    @Test func mapsFieldsAndQuotedValues() throws {
        let line = #"time=2026-11-20T10:15:03-07:00 level=warn msg="disk \"sda\" almost full" app=storage hostname=db-1 traceId=t9 free_mb=512 ratio=0.93 ok=true path="/var/lib data" verbose"#
        let output = ParseHarness.parse(line + "\r\n", .logfmt)
        let event = try #require(output.events.first)
        #expect(event.timestamp == ParseHarness.time("2026-11-20T17:15:03Z"))
        #expect(event.severity == .warning)
        #expect(event.levelText == "warn")
        #expect(event.message == #"disk "sda" almost full"#)
        #expect(event.service == "storage")
        #expect(event.host == "db-1")
        #expect(event.traceID == "t9")
        #expect(event.attributesJSON == #"{"free_mb":512,"ratio":0.93,"ok":true,"path":"/var/lib data","verbose":true}"#)
        #expect(event.raw == Array(line.utf8))
    }

    @Test func keepsNonASCIIAndUsesTheLineWhenThereIsNoMessage() throws {
        let output = ParseHarness.parse("ts=1763633703 level=30 城市=東京 emoji=🚀 note=\"全角：コロン\"\nlevel=info\n", .logfmt)
        try #require(output.events.count == 2)
        let event = output.events[0]
        #expect(event.timestamp == Timestamp(seconds: 1_763_633_703))
        #expect(event.severity == .info)
        #expect(event.message == "ts=1763633703 level=30 城市=東京 emoji=🚀 note=\"全角：コロン\"")
        #expect(event.attributesJSON == #"{"城市":"東京","emoji":"🚀","note":"全角：コロン"}"#)
        #expect(output.events[1].timeQuality == .missing)
        #expect(output.events[1].timestamp == event.timestamp)
    }

    @Test func aLineWithoutPairsIsAFailure() {
        let output = ParseHarness.parse("just some words\nlevel=error msg=x\n", .logfmt)
        #expect(output.failures.map(\.error) == [.logfmtNoPairs])
        #expect(output.failures.first?.line == 1)
        #expect(output.events.count == 1)
        #expect(output.events.first?.severity == .error)
    }
}
