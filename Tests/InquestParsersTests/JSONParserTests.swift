import Foundation
import InquestCore
import Testing
@testable import InquestParsers

struct JSONParserTests {
    @Test func mapsCommonFieldsAndKeepsTheRestAsCompactAttributes() throws {
        let line = #"{"ts":"2026-11-20T10:15:03.123Z","level":"error","service":"checkout","host":"web-3","trace_id":"abc","span_id":"s1","request_id":"r9","msg":"payment failed","status":504,"tags":[1, 2, {"a" : "b"}],"ok":true,"none":null}"#
        let output = ParseHarness.parse(line, .json)
        let event = try #require(output.events.first)
        #expect(output.failures.isEmpty)
        #expect(event.timestamp == ParseHarness.time("2026-11-20T10:15:03.123Z"))
        #expect(event.timestampText == "2026-11-20T10:15:03.123Z")
        #expect(event.timeQuality == [])
        #expect(event.severity == .error)
        #expect(event.levelText == "error")
        #expect(event.service == "checkout")
        #expect(event.host == "web-3")
        #expect(event.traceID == "abc")
        #expect(event.spanID == "s1")
        #expect(event.requestID == "r9")
        #expect(event.message == "payment failed")
        #expect(event.attributesJSON == #"{"status":504,"tags":[1,2,{"a":"b"}],"ok":true,"none":null}"#)
        #expect(event.raw == Array(line.utf8))
        #expect(event.sourceKind == .log)
        #expect(event.sourceName == "test.log")
        #expect(event.dedupeKey == DedupeKey(source: "/tmp/test.log", raw: Array(line.utf8), offset: 0))
        let attributes = try JSONSerialization.jsonObject(with: Data(event.attributesJSON.utf8)) as? [String: Any]
        #expect(attributes?.count == 4)
    }

    @Test func flattensNestedObjectsWithDotsForLookupAndAttributes() throws {
        let line = #"{"@timestamp":"2026-11-20T10:15:03Z","log":{"level":"warn","origin":{"file":"a.go"}},"service":{"name":"api"},"host":{"name":"h1"},"trace":{"id":"t1"},"message":"m","empty":{}}"#
        let event = try #require(ParseHarness.parse(line, .json).events.first)
        #expect(event.severity == .warning)
        #expect(event.service == "api")
        #expect(event.host == "h1")
        #expect(event.traceID == "t1")
        #expect(event.attributesJSON == #"{"log.origin.file":"a.go","empty":{}}"#)
    }

    @Test(arguments: [
        (#"{"ts":1763633703,"msg":"s"}"#, "2025-11-20T10:15:03Z"),
        (#"{"ts":1763633703123,"msg":"ms"}"#, "2025-11-20T10:15:03.123Z"),
        (#"{"ts":1763633703123456,"msg":"us"}"#, "2025-11-20T10:15:03.123Z"),
        (#"{"ts":1763633703123456789,"msg":"ns"}"#, "2025-11-20T10:15:03.123Z"),
        (#"{"ts":"1763633703","msg":"string seconds"}"#, "2025-11-20T10:15:03Z"),
        (#"{"ts":1763633703.5,"msg":"fraction"}"#, "2025-11-20T10:15:03.5Z"),
        (#"{"time":"2026-11-20T10:15:03+01:00","msg":"colon offset"}"#, "2026-11-20T09:15:03Z"),
        (#"{"time":"2026-11-20T10:15:03-07:00","msg":"negative"}"#, "2026-11-20T17:15:03Z"),
        (#"{"time":"2026-11-20 10:15:03,250 +0100","msg":"space offset"}"#, "2026-11-20T09:15:03.25Z"),
        (#"{"time":"2026-11-20T10:15:03.1+0100","msg":"compact offset"}"#, "2026-11-20T09:15:03.1Z"),
    ])
    func readsEpochNumbersAndOffsets(line: String, expected: String) throws {
        let event = try #require(ParseHarness.parse(line, .json).events.first)
        let expectedTime = try #require(ParseHarness.time(expected))
        #expect(abs(event.timestamp.nanoseconds - expectedTime.nanoseconds) < 1_000_000)
        #expect(!event.timeQuality.contains(.zoneAssumed))
    }

    @Test func assumesTheOptionZoneForZonelessTimes() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        let output = ParseHarness.parse(#"{"time":"2026-07-01T12:00:00","msg":"summer"}"# + "\n"
            + #"{"time":"2026-01-01T12:00:00","msg":"winter"}"#, .json, options: ParseHarness.options(zone: berlin))
        #expect(output.events.map(\.timestamp) == [ParseHarness.time("2026-07-01T10:00:00Z"), ParseHarness.time("2026-01-01T11:00:00Z")])
        #expect(output.events.allSatisfy { $0.timeQuality == .zoneAssumed })
    }

    @Test func missingFieldsFallBackWithoutFailing() throws {
        let text = """
        {"ts":"2026-11-20T10:15:03Z","msg":"first"}
        {"msg":"ERROR no time or level here"}
        {"level":30,"ts":"2026-11-20T10:15:01Z"}
        {"lvl":"bogus","msg":"odd level"}
        """
        let output = ParseHarness.parse(text, .json)
        #expect(output.failures.isEmpty)
        let events = output.events
        try #require(events.count == 4)
        #expect(events[1].timestamp == events[0].timestamp)
        #expect(events[1].timeQuality == .missing)
        #expect(events[1].severity == .error)
        #expect(events[1].levelText == nil)
        #expect(events[2].severity == .info)
        #expect(events[2].levelText == "30")
        #expect(events[2].message == "{}")
        #expect(events[2].timestamp < events[1].timestamp, "out-of-order times are kept as written")
        #expect(events[3].severity == .info)
        #expect(events[3].levelText == "bogus")
    }

    @Test func handlesNonASCIIAndEscapes() throws {
        let event = try #require(ParseHarness.parse(JSONFixtures.nonASCII, .json).events.first)
        #expect(event.message == "支付服务超时：订单 42 😀")
        #expect(event.service == "支付")
        #expect(event.severity == .warning)
        #expect(event.attributesJSON == #"{"note":"\u4e2d\ud83d\ude00"}"#)
        let decoded = try JSONSerialization.jsonObject(with: Data(event.attributesJSON.utf8)) as? [String: String]
        #expect(decoded?["note"] == "中😀")
        let escaped = try #require(ParseHarness.parse(#"{"msg":"a\"b\\c\nd\u00e9\ud800x"}"#, .json).events.first)
        #expect(escaped.message == "a\"b\\c\ndé\u{FFFD}x")
    }

    @Test func joinsMultiLineObjectsAndStripsCR() throws {
        let output = ParseHarness.parse(JSONFixtures.multiLine, .json)
        #expect(output.failures.isEmpty)
        #expect(output.physicalLines == 6)
        try #require(output.events.count == 3)
        let joined = output.events[1]
        #expect(joined.message == "fatal error in thread [Thread-2], exiting")
        #expect(joined.severity == .error)
        #expect(joined.timestamp == ParseHarness.time("2019-01-10T09:46:55.705Z"))
        #expect(joined.raw.split(separator: 0x0A).count == 4)
        #expect(!joined.raw.contains(0x0D))
        #expect(joined.attributesJSON.contains(#""stacktrace":["java.lang.OutOfMemoryError: die with dignity","at org"#))
        let secondLineOffset = Int64(#"{"ts":"2026-11-20T10:15:03.100Z","level":"info","msg":"before"}"#.utf8.count + 2)
        #expect(joined.dedupeKey == DedupeKey(source: "/tmp/test.log", raw: joined.raw, offset: secondLineOffset))
    }

    @Test func recordSplitAtEveryBytePositionParsesIdentically() {
        let bytes = Array(JSONFixtures.multiLine.utf8)
        let whole = ParseHarness.parse(bytes, .json)
        for split in 1..<bytes.count {
            let parts = ParseHarness.parse(bytes, .json, splits: [split])
            #expect(parts.events == whole.events, "split at \(split)")
            #expect(parts.physicalLines == whole.physicalLines)
        }
        let byteByByte = ParseHarness.parse(bytes, .json, splits: Array(1..<bytes.count))
        #expect(byteByByte.events == whole.events)
    }

    @Test func reportsLocatedFailures() throws {
        let text = "plain words\n{\"a\":1} trailing\n{\"a\" 1}\n{\"a\":\"open}\n{\"a\":tru}\n{\"ok\":1}\n{\"never\":\"closed\","
        let output = ParseHarness.parse(text, .json)
        #expect(output.events.count == 1)
        #expect(output.failures.map(\.line) == [1, 2, 3, 4, 5, 7])
        #expect(output.failures.map(\.error) == [
            .jsonNotAnObject(column: 1), .jsonTrailingText(column: 9), .jsonSyntax(column: 6, expected: "':' after the key"),
            .jsonUnterminatedString(column: 6),
            .jsonSyntax(column: 6, expected: "a JSON value (string, number, true, false, null, object or array)"),
            .jsonUnterminatedObject(lines: 1),
        ])
        #expect(output.failures[0].reason.contains("column 1"))
        #expect(output.failures[0].raw == Array("plain words".utf8))
        #expect(output.failures[1].offset == 12)
    }

    @Test func aTruncatedObjectDoesNotSwallowTheRecordsAfterIt() {
        let text = "{\"msg\":\"cut\",\"tags\":[1,2\n{\"msg\":\"next\"}\n{\"msg\":\"last\"}\n"
        let output = ParseHarness.parse(text, .json)
        #expect(output.events.map(\.message) == ["next", "last"])
        #expect(output.failures.map(\.error) == [.jsonUnterminatedObject(lines: 1)])
        #expect(output.failures.first?.line == 1)
        #expect(output.failures.first?.raw == Array("{\"msg\":\"cut\",\"tags\":[1,2".utf8))
    }

    @Test func parsesA100KilobyteLine() throws {
        let long = String(repeating: "x", count: 100_000)
        let line = #"{"ts":"2026-11-20T10:15:03Z","msg":""# + long + #"","extra":""# + long + #""}"#
        let output = ParseHarness.parse(line + "\r\n", .json)
        let event = try #require(output.events.first)
        #expect(event.message.utf8.count == 100_000)
        #expect(event.attributesJSON.utf8.count == 100_000 + 12)
        #expect(event.raw.count == line.utf8.count)
    }

    @Test func laterRecordsInheritTheLastTimeAndBlankLinesAreSkipped() {
        let output = ParseHarness.parse("\n  \n{\"msg\":\"no time\"}\n\n", .json)
        #expect(output.physicalLines == 4)
        #expect(output.events.count == 1)
        #expect(output.events.first?.timestamp == Timestamp(nanoseconds: 0))
        #expect(output.events.first?.timeQuality == [.missing, .unknown])
    }

    @Test func prefersTheRenderedMessageOverTheTemplate() throws {
        let event = try #require(ParseHarness.parse(#"{"@t":"2026-11-20T10:15:03Z","@mt":"User {Id}","@m":"User 7","@l":"Warning","Id":7}"#, .json).events.first)
        #expect(event.message == "User 7")
        #expect(event.severity == .warning)
        #expect(event.attributesJSON == #"{"@mt":"User {Id}","Id":7}"#)
    }
}
