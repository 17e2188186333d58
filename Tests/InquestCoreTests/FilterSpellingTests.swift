import Testing
@testable import InquestCore

/// Filters composed by code are spelled in the filter language and read back unchanged.
@Suite struct FilterSpellingTests {
    @Test(arguments: [
        "timeout", "\"connection reset\"", "time*", "\"pay ment\"*", "-debug",
        "source:git", "source:\"app.log\"", "source:app*", "severity>=error", "sev:warn", "level<info",
        "service:api", "host:web-*", "trace:abc123", "span_id:s1", "req:r-9", "tag:outage",
        "is:starred", "is:linked", "investigation:12", "template:7", "template:\"user <*> from <*>\"", "since:15m", "since:1h30m", "after:2026-11-20T10:00Z",
        "before:2026-11-20", "until:2h", "after:2026-11-20T10:30:00.5+01:00",
        "status:504", "latency_ms>=250.5", "ok:true", "attr.\"user id\":\"a b\"", "http.method!=GET", "path:/api/*",
        "a b OR c", "(a OR b) c", "-(a OR b)", "NOT (a b)", "a -(b c) OR d e", "service:api (timeout OR severity>=error)",
    ])
    func everyParsedFilterIsSpelledBackToTheSameExpression(text: String) throws {
        let parsed = try Filter.parse(text)
        let expression = try #require(parsed.expression)
        let reread = try Filter.parse(expression.spelling)
        #expect(reread.expression == expression, "\(text) spelled as \(expression.spelling)")
    }

    @Test func valuesAreQuotedWithTheLexersEscapes() throws {
        let expression = FilterExpression.term(.traceID(.exact(#"a"b\c\"#)))
        #expect(expression.spelling == #"trace:"a\"b\\c\\""#)
        #expect(try Filter.parse(expression.spelling).expression == expression)
        #expect(Filter(expression: .term(.traceID(.exact("abc123")))).text == #"trace:"abc123""#)
    }

    @Test func composedFreeTextThatIsNotABareWordIsQuoted() {
        #expect(FilterExpression.term(.text(.word("OR"))).spelling == "\"OR\"")
        #expect(FilterExpression.term(.text(.prefix("-x"))).spelling == "\"-x\"*")
        #expect(FilterExpression.term(.after(.ago(nanoseconds: 5_400_000_000_000))).spelling == "since:90m")
    }
}
