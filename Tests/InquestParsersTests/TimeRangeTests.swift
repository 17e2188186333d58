import Foundation
import InquestCore
import Testing

@testable import InquestParsers

/// Numbers beyond Int64, times outside the representable range and impossible dates (issue 13):
/// each is refused as a time (an invalid row, an unknown time), never trapped on or wrapped.
@Suite("Time range")
struct TimeRangeTests {
    @Test(arguments: ["99999999999999999999", "9999999999999999999", "-99999999999999999999", "-9223372036854775808"])
    func aMetricEpochBeyondInt64IsNoTimestamp(text: String) {
        #expect(MetricTimestampParser.parse(text) == nil)
    }

    @Test func aCSVRowWithA20DigitEpochIsAnInvalidTimestamp() {
        let parsed = CSVSeriesParser.parse("timestamp,value\n99999999999999999999,1\n1700000000,2\n", defaultSeries: "s")
        #expect(parsed.samples.map(\.value) == [2])
        #expect(parsed.errors.count == 1)
    }

    @Test(arguments: ["0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1677-01-01T00:00:00Z", "2263-01-01 00:00:00",
                      "2026-02-30", "2026-04-31T00:00:00Z", "2025-02-29 00:00:00"])
    func metricTimesOutsideTheRangeOrCalendarAreRefused(text: String) {
        #expect(MetricTimestampParser.parse(text) == nil)
    }

    @Test func aLeapDayIsADate() {
        #expect(MetricTimestampParser.parse("2024-02-29") == Timestamp(seconds: 1_709_164_800))
    }

    @Test(arguments: ["0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "1000-06-01T00:00:00Z"])
    func aLogTimeOutsideTheRangeIsUnknownNotWrapped(text: String) throws {
        // Given a record before one whose time cannot be represented
        let lines = #"{"time":"2026-11-20T10:00:00Z","msg":"first"}"# + "\n" + #"{"time":"\#(text)","msg":"odd"}"#

        // When parsed
        let events = ParseHarness.parse(lines, .json).events

        // Then the odd record's time is unknown (inherited), with its text kept
        let odd = try #require(events.last)
        #expect(odd.timestamp == events.first?.timestamp)
        #expect(odd.timeQuality.contains(.missing))
        #expect(odd.timestampText == text)
    }

    @Test(arguments: ["2026-02-30T10:00:00Z", "2026-04-31 10:00:00", "2025-02-29T00:00:00Z"])
    func aDayPastTheEndOfItsMonthIsNoTime(text: String) throws {
        let event = try #require(ParseHarness.parse(#"{"time":"\#(text)","msg":"x"}"#, .json).events.first)
        #expect(event.timeQuality.contains(.missing))
        #expect(event.attributesJSON.contains(text))
    }

    @Test func aNineteenDigitEpochBeyondInt64IsNoTime() throws {
        let event = try #require(ParseHarness.parse(#"{"ts":9999999999999999999,"msg":"x"}"#, .json).events.first)
        #expect(event.timeQuality.contains(.missing))
    }

    @Test func prometheusTimestampsBeyondTheRangeAreInvalid() {
        let scrape = Timestamp(seconds: 1_700_000_000)
        let text = PrometheusTextParser.parse("m 1 9223372036854775807\nm 2 1700000000000\n", scrapeTime: scrape)
        #expect(text.samples.map(\.timestamp) == [scrape])
        #expect(text.errors.count == 1)
        let openMetrics = PrometheusTextParser.parse("m 1 1e300\nm 2 1700000000.5\n# EOF\n", scrapeTime: scrape)
        #expect(openMetrics.samples.map(\.timestamp) == [Timestamp(seconds: 1_700_000_000, nanos: 500_000_000)])
        #expect(openMetrics.errors.count == 1)
    }

    @Test func zipkinMicrosecondsBeyondInt64AreRefused() {
        let json = #"[{"traceId":"0123456789abcdef0123456789abcdef","id":"0123456789abcdef","timestamp":9223372036854775807}]"#
        #expect(throws: ParseError.self) { try ZipkinTraceParser.parse(Data(json.utf8)) }
    }

    @Test func traceDocumentsNestedBeyondTheDecoderLimitAreInvalidJSON() {
        let json = "{\"data\":" + String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000) + "}"
        #expect(throws: ParseError.self) { try TraceJSONValue.decode(Data(json.utf8)) }
    }
}
