import Testing
@testable import InquestParsers

struct LogFormatDetectorTests {
    @Test(arguments: [
        ("{\"ts\":\"2026-11-20T10:15:03Z\",\"msg\":\"a\"}\n{\"ts\":\"2026-11-20T10:15:04Z\",\"msg\":\"b\"}\n", LogFormat.json),
        (JSONFixtures.multiLine, .json),
        ("ts=2026-11-20T10:15:03Z level=info msg=a\nts=2026-11-20T10:15:04Z level=warn msg=\"b c\"\n", .logfmt),
        ("Nov 20 10:15:03 web-3 checkout[1234]: ERROR x status=504\nNov 20 10:15:04 web-3 checkout[1234]: INFO y\n", .syslog),
        ("<34>1 2026-11-20T10:15:03Z h app - - - x\n<34>1 2026-11-20T10:15:04Z h app - - - y\n", .syslog),
        ("1.2.3.4 - - [17/May/2015:10:05:03 +0000] \"GET / HTTP/1.1\" 200 1 \"-\" \"ua\"\n", .access),
        (Log4jFixtures.stackTrace, .log4j),
        ("hello there\nsecond line of prose\n2026-11-20 one date\n", .plain),
        ("", .plain),
    ])
    func detectsEachFormat(sample: String, expected: LogFormat) {
        #expect(ParseHarness.detect(sample) == expected)
    }
}
