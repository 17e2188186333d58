import Foundation
import InquestCore
import Testing
@testable import InquestParsers

struct SyslogParserTests {
    @Test func parsesBSDLinesWithTagPidLevelWordAndTrailingPairs() throws {
        let line = "Nov 20 10:15:03 web-3 checkout[1234]: ERROR payment gateway timeout status=504 latency_ms=3012 trace_id=abc123 request_id=r-1"
        let event = try #require(ParseHarness.parse(line + "\r\n", .syslog).events.first)
        #expect(event.timestamp == ParseHarness.time("2026-11-20T10:15:03Z"))
        #expect(event.timestampText == "Nov 20 10:15:03")
        #expect(event.timeQuality == [.yearAssumed, .zoneAssumed])
        #expect(event.host == "web-3")
        #expect(event.service == "checkout")
        #expect(event.severity == .error)
        #expect(event.levelText == "ERROR")
        #expect(event.message == "payment gateway timeout status=504 latency_ms=3012 trace_id=abc123 request_id=r-1")
        #expect(event.traceID == "abc123")
        #expect(event.requestID == "r-1")
        #expect(event.attributesJSON == #"{"pid":1234,"status":504,"latency_ms":3012}"#)
    }

    @Test func usesPriSeverityAndOddTags() throws {
        let text = """
        <11>Jun  9 04:09:11 combo su(pam_unix)[4]: session opened
        Jun 19 04:09:11 combo syslogd 1.4.1: restart.
        Jul  7 08:06:15 combo  -- root[2421]: ROOT LOGIN ON tty2
        Jul  7 08:06:16 combo no tag at all here
        """
        let output = ParseHarness.parse(text, .syslog)
        #expect(output.failures.isEmpty)
        try #require(output.events.count == 4)
        #expect(output.events[0].severity == .error)
        #expect(output.events[0].service == "su(pam_unix)")
        #expect(output.events[0].timestamp == ParseHarness.time("2026-06-09T04:09:11Z"))
        #expect(output.events[1].service == "syslogd")
        #expect(output.events[1].message == "restart.")
        #expect(output.events[2].service == "root")
        #expect(output.events[2].message == "ROOT LOGIN ON tty2")
        #expect(output.events[3].service == nil)
        #expect(output.events[3].message == "no tag at all here")
    }

    @Test func monthsAfterTheReferenceMonthBelongToThePreviousYear() throws {
        let output = ParseHarness.parse("Dec 31 23:59:59 h a: old\nJan  1 00:00:01 h a: new\n", .syslog,
                                        options: ParseHarness.options(year: 2027, month: 1))
        #expect(output.events.map(\.timestamp) == [ParseHarness.time("2026-12-31T23:59:59Z"), ParseHarness.time("2027-01-01T00:00:01Z")])
    }

    @Test func appliesTheOptionZoneToZonelessTimes() throws {
        let zone = try #require(TimeZone(identifier: "America/Los_Angeles"))
        let event = try #require(ParseHarness.parse("Nov 20 10:15:03 h app: x", .syslog, options: ParseHarness.options(zone: zone)).events.first)
        #expect(event.timestamp == ParseHarness.time("2026-11-20T18:15:03Z"))
        #expect(event.timeQuality.contains(.zoneAssumed))
    }

    @Test func parsesRFC5424WithStructuredData() throws {
        let line = #"<165>1 2026-11-20T10:15:03.5+01:00 mymachine.example.com evntslog 42 ID47 [exampleSDID@32473 iut="3" eventSource="Application"][meta language="日本語 \"q\""] BOMAn application event: 警告 done"#
            .replacingOccurrences(of: "BOM", with: "\u{FEFF}")
        let event = try #require(ParseHarness.parse(line, .syslog).events.first)
        #expect(event.timestamp == ParseHarness.time("2026-11-20T09:15:03.5Z"))
        #expect(event.timeQuality == [])
        #expect(event.host == "mymachine.example.com")
        #expect(event.service == "evntslog")
        #expect(event.severity == .info)
        #expect(event.message == "An application event: 警告 done")
        #expect(event.attributesJSON == #"{"pid":42,"msgid":"ID47","exampleSDID@32473.iut":"3","exampleSDID@32473.eventSource":"Application","meta.language":"日本語 \"q\""}"#)
        let nilFields = try #require(ParseHarness.parse("<14>1 - - - - - - hello", .syslog).events.first)
        #expect(nilFields.timeQuality == [.missing, .unknown])
        #expect(nilFields.message == "hello")
        #expect(nilFields.host == nil)
    }

    @Test func reportsLinesThatAreNotSyslog() {
        let output = ParseHarness.parse("hello world\n<999>Nov 20 10:15:03 h a: x\n<34>1 2026-13-45T99:00:00Z h a - - - x\n", .syslog)
        #expect(output.events.isEmpty)
        #expect(output.failures.map(\.line) == [1, 2, 3])
        #expect(output.failures.first?.reason.contains("column 1") == true)
    }
}
