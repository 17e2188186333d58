import InquestCore
import Testing
@testable import InquestParsers

struct AccessLogParserTests {
    @Test func parsesCombinedLines() throws {
        let line = #"83.149.9.216 - alice [17/May/2015:10:05:03 +0200] "GET /a/b.png?x=1 HTTP/1.1" 503 203023 "http://ex.com/" "Mozilla/5.0 (X11) \"q\"" 0.042"#
        let event = try #require(ParseHarness.parse(line + "\r\n", .access).events.first)
        #expect(event.timestamp == ParseHarness.time("2015-05-17T08:05:03Z"))
        #expect(event.severity == .error)
        #expect(event.message == "GET /a/b.png?x=1 503")
        #expect(event.host == nil)
        #expect(event.attributesJSON == #"{"client_ip":"83.149.9.216","user":"alice","method":"GET","path":"/a/b.png?x=1","protocol":"HTTP/1.1","status":503,"bytes":203023,"referer":"http://ex.com/","user_agent":"Mozilla/5.0 (X11) \\\"q\\\"","request_time":0.042}"#)
    }

    @Test func parsesCommonLinesAndClassifiesStatus() {
        let text = """
        10.0.0.1 - - [20/Nov/2026:10:15:03 -0700] "POST /login HTTP/1.0" 404 -
        10.0.0.2 - - [20/Nov/2026:10:15:04 -0700] "GET /ünïcödé/日本 HTTP/2.0" 200 12
        10.0.0.3 - - [20/Nov/2026:10:15:05 -0700] "-" 400 0
        """
        let output = ParseHarness.parse(text, .access)
        #expect(output.failures.isEmpty)
        #expect(output.events.map(\.severity) == [.warning, .info, .warning])
        #expect(output.events.map(\.message) == ["POST /login 404", "GET /ünïcödé/日本 200", "- 400"])
        #expect(output.events.first?.timestamp == ParseHarness.time("2026-11-20T17:15:03Z"))
        #expect(output.events.first?.attributesJSON.contains("bytes") == false)
    }

    @Test func reportsMalformedLines() {
        let output = ParseHarness.parse("10.0.0.1 - - 20/Nov/2026 GET\n10.0.0.1 - - [20/Nov/2026:10:15:03 +0000] \"GET / HTTP/1.1\" abc 1\n", .access)
        #expect(output.events.isEmpty)
        #expect(output.failures.count == 2)
        #expect(output.failures.last?.reason.contains("status") == true)
    }
}
