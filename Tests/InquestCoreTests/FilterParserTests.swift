import Testing
@testable import InquestCore

private func term(_ term: FilterTerm) -> FilterExpression { .term(term) }
private func word(_ text: String) -> FilterExpression { .term(.text(.word(text))) }

/// 2026-11-20T00:00:00Z in nanoseconds.
private let november20: Int64 = 1_795_132_800 * 1_000_000_000
private let minute: Int64 = 60 * 1_000_000_000

@Suite struct FilterParserTests {
    static let accepted: [(String, FilterExpression?)] = [
        // Empty
        ("", nil),
        ("  \t ", nil),
        // Free text
        ("timeout", word("timeout")),
        ("time*", term(.text(.prefix("time")))),
        ("\"connection reset\"", term(.text(.phrase("connection reset")))),
        ("\"connection res\"*", term(.text(.prefix("connection res")))),
        ("a-b", word("a-b")),
        ("10:15:03", word("10:15:03")),
        ("error", word("error")),
        // Boolean structure and precedence
        ("a b", .and([word("a"), word("b")])),
        ("a AND b", .and([word("a"), word("b")])),
        ("a OR b c", .or([word("a"), .and([word("b"), word("c")])])),
        ("a b OR c", .or([.and([word("a"), word("b")]), word("c")])),
        ("(a OR b) c", .and([.or([word("a"), word("b")]), word("c")])),
        ("a (b c)", .and([word("a"), word("b"), word("c")])),
        ("a OR (b OR c)", .or([word("a"), word("b"), word("c")])),
        ("((a))", word("a")),
        ("or and", .and([word("or"), word("and")])),
        ("a OR b AND c", .or([word("a"), .and([word("b"), word("c")])])),
        // Negation
        ("-service:cart", .not(term(.service(.exact("cart"))))),
        ("NOT a", .not(word("a"))),
        ("a NOT b", .and([word("a"), .not(word("b"))])),
        ("-(a OR b)", .not(.or([word("a"), word("b")]))),
        ("--a", .not(.not(word("a")))),
        ("NOT -a", .not(.not(word("a")))),
        ("a -b OR c", .or([.and([word("a"), .not(word("b"))]), word("c")])),
        // Fields with quoting and globs
        ("service:\"api gateway\"", term(.service(.exact("api gateway")))),
        ("Service:api", term(.service(.exact("api")))),
        ("service:api-*", term(.service(.glob("api-*")))),
        ("service:\"a*b\"", term(.service(.exact("a*b")))),
        ("service:\"a*\"*", term(.service(FilterPattern(pieces: [.literal("a*"), .wildcard])))),
        ("host:web-3", term(.host(.exact("web-3")))),
        ("trace:abc", term(.traceID(.exact("abc")))),
        ("trace_id:abc", term(.traceID(.exact("abc")))),
        ("span:s1", term(.spanID(.exact("s1")))),
        ("span_id:s1", term(.spanID(.exact("s1")))),
        ("request:r1", term(.requestID(.exact("r1")))),
        ("request_id:r1", term(.requestID(.exact("r1")))),
        ("req:r1", term(.requestID(.exact("r1")))),
        ("tag:bug", term(.tag(.exact("bug")))),
        ("service!=cart", .not(term(.service(.exact("cart"))))),
        // Sources
        ("source:log", term(.sourceKind(.log))),
        ("source:CI", term(.sourceKind(.ci))),
        ("source:app.log", term(.sourceName(.exact("app.log")))),
        ("source:app*", term(.sourceName(.glob("app*")))),
        // Severity
        ("severity:warning", term(.severity(.equal, .warning))),
        ("level:warn", term(.severity(.equal, .warning))),
        ("severity>=warning", term(.severity(.greaterOrEqual, .warning))),
        ("sev>error", term(.severity(.greater, .error))),
        ("severity<=info", term(.severity(.lessOrEqual, .info))),
        ("sev<ERR", term(.severity(.less, .error))),
        ("severity!=debug", .not(term(.severity(.equal, .debug)))),
        // Marks and links
        ("is:starred", term(.starred)),
        ("is:Linked", term(.linked)),
        ("-is:starred", .not(term(.starred))),
        ("is!=starred", .not(term(.starred))),
        ("investigation:3", term(.investigation(3))),
        // Attributes
        ("status:504", term(.attribute(key: "status", .equal, .number(504, text: "504")))),
        ("status:\"504\"", term(.attribute(key: "status", .equal, .text(.exact("504"))))),
        ("http.method:GET", term(.attribute(key: "http.method", .equal, .text(.exact("GET"))))),
        ("latency_ms>1000", term(.attribute(key: "latency_ms", .greater, .number(1000, text: "1000")))),
        ("latency_ms<=2.5", term(.attribute(key: "latency_ms", .lessOrEqual, .number(2.5, text: "2.5")))),
        ("latency_ms>=-1", term(.attribute(key: "latency_ms", .greaterOrEqual, .number(-1, text: "-1")))),
        ("status!=504", .not(term(.attribute(key: "status", .equal, .number(504, text: "504"))))),
        ("attr.\"weird key\":x", term(.attribute(key: "weird key", .equal, .text(.exact("x"))))),
        ("\"weird key\":x", term(.attribute(key: "weird key", .equal, .text(.exact("x"))))),
        ("attr.source:x", term(.attribute(key: "source", .equal, .text(.exact("x"))))),
        ("user:al*", term(.attribute(key: "user", .equal, .text(.glob("al*"))))),
        ("cached:true", term(.attribute(key: "cached", .equal, .boolean(true)))),
        ("cached:\"false\"", term(.attribute(key: "cached", .equal, .text(.exact("false"))))),
        ("code:0x1F", term(.attribute(key: "code", .equal, .text(.exact("0x1F"))))),
        // Time
        ("since:15m", term(.after(.ago(nanoseconds: 15 * minute)))),
        ("since:1h30m", term(.after(.ago(nanoseconds: 90 * minute)))),
        ("since:2d", term(.after(.ago(nanoseconds: 2 * 1440 * minute)))),
        ("since:1w", term(.after(.ago(nanoseconds: 7 * 1440 * minute)))),
        ("since:30s", term(.after(.ago(nanoseconds: minute / 2)))),
        ("after:2026-11-20T10:00Z", term(.after(.absolute(Timestamp(nanoseconds: november20 + 600 * minute))))),
        (
            "before:2026-11-20T10:30:00.5+01:00",
            term(.before(.absolute(Timestamp(nanoseconds: november20 + 570 * minute + 500_000_000))))
        ),
        ("after:2026-11-20", term(.after(.absolute(Timestamp(nanoseconds: november20))))),
        ("until:2026-11-20T10:00:30Z", term(.before(.absolute(Timestamp(nanoseconds: november20 + 600 * minute + minute / 2))))),
        ("after:\"2026-11-20 10:00\"", term(.after(.absolute(Timestamp(nanoseconds: november20 + 600 * minute))))),
        ("before:2h", term(.before(.ago(nanoseconds: 120 * minute)))),
        // A realistic mix
        (
            "service:checkout sev>=warning timeout -retry since:1h",
            .and([
                term(.service(.exact("checkout"))), term(.severity(.greaterOrEqual, .warning)), word("timeout"),
                .not(word("retry")), term(.after(.ago(nanoseconds: 60 * minute))),
            ])
        ),
    ]

    @Test(arguments: accepted)
    func parsesAcceptedInput(input: String, expected: FilterExpression?) throws {
        let filter = try Filter.parse(input)
        #expect(filter.expression == expected, "input: \(input)")
        #expect(filter.text == input)
    }

    @Test func emptyFilterIsEverything() throws {
        #expect(try Filter.parse("   ") .isEverything)
        #expect(Filter.everything.expression == nil)
        #expect(try !Filter.parse("a").isEverything)
    }

    @Test func highlightTermsArePositiveFreeTextOnly() throws {
        let filter = try Filter.parse("timeout \"connection reset\" -retry time* service:x OR (NOT foo) timeout")
        #expect(filter.highlightTerms == ["timeout", "connection reset", "time"])
    }

    @Test func globPatternsSplitOnStars() {
        #expect(FilterPattern.glob("a*b").pieces == [.literal("a"), .wildcard, .literal("b")])
        #expect(FilterPattern.glob("**").pieces == [.wildcard])
        #expect(FilterPattern.glob("abc").exactText == "abc")
        #expect(FilterPattern.glob("*").isGlob)
    }
}
