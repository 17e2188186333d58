import Testing
@testable import InquestCore

@Suite struct FilterRegexTests {
    static let matching: [(String, String)] = [
        ("timeout", "upstream TIMEOUT after 3s"),
        ("time(out|d out)", "request timed out"),
        ("^GET /api", "GET /api/v1/users"),
        ("5\\d\\d$", "status 503"),
        ("[a-c]+x", "zzbcax"),
        ("[^0-9 ]{3}", "12 ab3 xyz"),
        ("\\bfail", "it will fail now"),
        ("a.c", "abc"),
        ("colou?r", "color"),
        ("(?:ab){2,3}c", "xxababc"),
        ("\\w+@\\w+\\.com", "mail bob@example.com now"),
        ("a|b|c", "zzzc"),
        ("x{2}", "axxb"),
        ("caf\u{E9}", "CAF\u{C9} au lait"),
        ("\\s\\S", "a b"),
        ("\\.", "a.b"),
        ("a{", "a{"),
    ]

    @Test("matches", arguments: matching)
    func matches(_ pattern: String, _ text: String) throws {
        let regex = try FilterRegex(pattern)
        #expect(regex.matches(text), "\(pattern) should match \(text)")
    }

    static let notMatching: [(String, String)] = [
        ("^timeout", "a timeout"),
        ("5\\d\\d$", "status 503 ok"),
        ("\\bfail", "unfailing"),
        ("a.c", "a\nc"),
        ("[^0-9]", "12345"),
        ("x{3}", "xx"),
        ("Timeout", "timeout"),
    ]

    @Test("does not match", arguments: notMatching)
    func doesNotMatch(_ pattern: String, _ text: String) throws {
        #expect(try !FilterRegex(pattern).matches(text))
    }

    @Test func smartCaseIgnoresCaseOnlyForLowerCasePatterns() throws {
        #expect(try !FilterRegex("abc").isCaseSensitive)
        #expect(try FilterRegex("aBc").isCaseSensitive)
        // Upper-case escapes are classes, not letters.
        #expect(try !FilterRegex("\\W\\S\\D\\B").isCaseSensitive)
    }

    @Test func catastrophicPatternsFinishInLinearTime() throws {
        // Backtracking engines take exponential time on these; the Pike VM takes a few
        // thousand steps per scalar at most.
        let text = String(repeating: "a", count: 5_000) + "!"
        for pattern in ["(a*)*b", "(a|a)*c", "(a+)+$x", "(a|aa)+b", "((a*)*)*b"] {
            #expect(try !FilterRegex(pattern).matches(text), "\(pattern)")
        }
    }

    @Test func findsLeftmostMatchesInCharacters() throws {
        let regex = try FilterRegex("t[a-z]+")
        #expect(regex.firstMatch(in: "an 👨‍👩‍👧 timeout") == 5..<12)
        #expect(regex.matches(in: "tick tock") == [0..<4, 5..<9])
    }

    @Test func requiredLiteralIsTheLongestTopLevelASCIIRun() throws {
        #expect(try FilterRegex("time(out|d)").requiredLiteral == "time")
        #expect(try FilterRegex("ab+connection").requiredLiteral == "connection")
        #expect(try FilterRegex("a|bcd").requiredLiteral == nil)
        #expect(try FilterRegex("x").requiredLiteral == nil)
        #expect(try FilterRegex("Reset BY").requiredLiteral == "Reset BY")
    }

    static let refused: [String] = ["", "(ab", "ab)", "*a", "[abc", "a\\", "\\q", "(?=a)", "x{5,2}", "(x{1000}){1000}", "[z-a]"]

    @Test("refuses", arguments: refused)
    func refuses(_ pattern: String) {
        #expect(throws: FilterError.self) { try FilterRegex(pattern) }
    }

    @Test func filterLanguageReadsRegexesSubstringsAndBang() throws {
        #expect(try Filter.parse("/time(out|d)/").expression == .term(.regex(FilterRegex("time(out|d)"))))
        #expect(try Filter.parse("re:\"5\\\\d\\\\d\"").expression == .term(.regex(FilterRegex("5\\d\\d"))))
        #expect(try Filter.parse("/a\\/b/ x").expression == .and([.term(.regex(FilterRegex("a\\/b"))), .term(.text(.word("x")))]))
        #expect(try Filter.parse("*meou").expression == .term(.substring("meou")))
        #expect(try Filter.parse("*meou*").expression == .term(.substring("meou")))
        #expect(try Filter.parse("!retry").expression == .not(.term(.text(.word("retry")))))
        #expect(try Filter.parse("!service:api").expression == .not(.term(.service(.exact("api")))))
        #expect(try Filter.parse("level!=debug").expression == .not(.term(.severity(.equal, .debug))))
    }

    @Test func regexErrorsPointAtTheTerm() {
        #expect(throws: FilterError.invalidRegex("ab(", reason: "a \"(\" is not closed", column: 11)) { try Filter.parse("service:x /ab(/") }
        #expect(throws: FilterError.self) { try Filter.parse("/unclosed") }
    }

    @Test func regexAndSubstringSpellingsParseBack() throws {
        for text in ["/x[0-9]+\"q/", "*meou", "*\"a b\"*", "!/ab/"] {
            let filter = try Filter.parse(text)
            let expression = try #require(filter.expression)
            #expect(try Filter.parse(expression.spelling).expression == expression, "\(text) → \(expression.spelling)")
        }
    }

    @Test func highlightsIncludeSubstringsAndRegexes() throws {
        let filter = try Filter.parse("*meou /b+/ -/c/")
        #expect(filter.highlightTerms == ["meou"])
        #expect(filter.highlightPatterns == [try FilterRegex("b+")])
    }
}
