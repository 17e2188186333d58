import Testing
@testable import InquestCore

@Suite struct FilterErrorTests {
    static let rejected: [(String, FilterError)] = [
        ("service:\"api", .unterminatedQuote(column: 9)),
        ("a \"b c", .unterminatedQuote(column: 3)),
        ("a (b", .unclosedParenthesis(column: 3)),
        ("(a OR b", .unclosedParenthesis(column: 1)),
        ("a (", .unclosedParenthesis(column: 3)),
        ("a)", .unmatchedClosingParenthesis(column: 2)),
        (")", .unmatchedClosingParenthesis(column: 1)),
        ("(a))", .unmatchedClosingParenthesis(column: 4)),
        ("a ()", .emptyGroup(column: 3)),
        ("abc OR", .missingTermAfter("OR", column: 5)),
        ("a OR OR b", .missingTermAfter("OR", column: 3)),
        ("(a OR) b", .missingTermAfter("OR", column: 4)),
        ("a AND", .missingTermAfter("AND", column: 3)),
        ("a AND OR b", .missingTermAfter("AND", column: 3)),
        ("a -", .missingTermAfter("\"-\"", column: 3)),
        ("--", .missingTermAfter("\"-\"", column: 2)),
        ("a NOT", .missingTermAfter("NOT", column: 3)),
        ("OR a", .missingTermBefore("OR", column: 1)),
        ("(AND a)", .missingTermBefore("AND", column: 2)),
        ("service:", .emptyValue(field: "service", column: 1)),
        ("a service:\"\"", .emptyValue(field: "service", column: 3)),
        ("sev:wrng", .unknownSeverity("wrng", column: 1)),
        ("severity>=w*", .unknownSeverity("w*", column: 1)),
        ("error since:abc", .invalidDuration(field: "since", value: "abc", column: 7)),
        ("since:15x", .invalidDuration(field: "since", value: "15x", column: 1)),
        ("since:15", .invalidDuration(field: "since", value: "15", column: 1)),
        ("since:m", .invalidDuration(field: "since", value: "m", column: 1)),
        ("since:99999999999999w", .invalidDuration(field: "since", value: "99999999999999w", column: 1)),
        ("after:2026-13-01", .invalidTime(field: "after", value: "2026-13-01", column: 1)),
        ("after:2026-02-29", .invalidTime(field: "after", value: "2026-02-29", column: 1)),
        ("before:2026-11-20T25:00Z", .invalidTime(field: "before", value: "2026-11-20T25:00Z", column: 1)),
        ("until:2026-11-20T10:00+1", .invalidTime(field: "until", value: "2026-11-20T10:00+1", column: 1)),
        ("after:yesterday", .invalidTime(field: "after", value: "yesterday", column: 1)),
        ("service>api", .unsupportedComparison(field: "service", comparison: ">", column: 1)),
        ("since>5m", .unsupportedComparison(field: "since", comparison: ">", column: 1)),
        ("is>starred", .unsupportedComparison(field: "is", comparison: ">", column: 1)),
        ("latency_ms>fast", .notANumber(field: "latency_ms", comparison: ">", value: "fast", column: 1)),
        ("latency_ms<\"5\"", .notANumber(field: "latency_ms", comparison: "<", value: "5", column: 1)),
        ("is:happy", .unknownIsValue("happy", column: 1)),
        ("investigation:abc", .invalidInvestigationID("abc", column: 1)),
        ("investigation:0", .invalidInvestigationID("0", column: 1)),
        ("attr.\"a\\\"b\":x", .invalidAttributeKey("a\"b", column: 1)),
        ("a \"--\"", .nothingToSearch("\"--\"", column: 3)),
        ("*", .nothingToSearch("*", column: 1)),
    ]

    @Test(arguments: rejected)
    func rejectsWithColumn(input: String, expected: FilterError) {
        #expect(throws: expected, "input: \(input)") { try Filter.parse(input) }
    }

    @Test func messagesSayWhatAndWhatToDo() {
        #expect(FilterError.unclosedParenthesis(column: 14).description == "column 14: unclosed \"(\" — add \")\"")
        #expect(
            FilterError.unknownSeverity("wrng", column: 1).description
                == "column 1: unknown severity \"wrng\" (use debug, info, warning, error, critical)"
        )
        #expect(
            FilterError.invalidDuration(field: "since", value: "x", column: 7).description
                == "column 7: \"since:\" needs a duration like 15m, 2h, 1d"
        )
        #expect(FilterError.unterminatedQuote(column: 9).description.hasPrefix("column 9: unterminated quote"))
        #expect(FilterError.missingTermAfter("OR", column: 5).description == "column 5: expected a term after OR")
    }

    @Test func renderedDrawsCaretUnderColumn() throws {
        let input = "service:api (sev:error"
        let error = try #require(throws: FilterError.self) { try Filter.parse(input) }
        #expect(
            error.rendered(for: input) == """
                service:api (sev:error
                            ^
                column 13: unclosed "(" — add ")"
                """
        )
    }

    @Test func renderedKeepsTabsAndCountsCharactersNotBytes() {
        let error = FilterError.unmatchedClosingParenthesis(column: 4)
        #expect(error.rendered(for: "é\tb)").split(separator: "\n", omittingEmptySubsequences: false)[1] == " \t ^")
    }
}
