import Testing
@testable import InquestCore

/// Filters built to break the parser and the store (issue 13): nesting deep enough to overflow a
/// recursive parser, and more terms than SQLite's expression depth allows. They are refused
/// with a filter error at the column where the limit is passed.
@Suite struct FilterLimitsTests {
    @Test func eightThousandNestedParenthesesAreRefusedAtTheFirstOnePastTheLimit() {
        let text = String(repeating: "(", count: 8_000) + "a" + String(repeating: ")", count: 8_000)
        #expect(throws: FilterError.nestedTooDeeply(limit: FilterParser.maximumDepth, column: FilterParser.maximumDepth + 1)) {
            try Filter.parse(text)
        }
    }

    @Test func tenThousandNOTsAreRefused() {
        let text = String(repeating: "NOT ", count: 10_000) + "a"
        #expect(throws: FilterError.nestedTooDeeply(limit: FilterParser.maximumDepth, column: 4 * FilterParser.maximumDepth + 1)) {
            try Filter.parse(text)
        }
    }

    @Test func threeThousandAttributeTermsAreRefusedAtTheFirstOnePastTheLimit() throws {
        let text = (0..<3_000).map { "k\($0):v" }.joined(separator: " ")
        let column = (0..<FilterParser.maximumTerms).map { "k\($0):v".count + 1 }.reduce(1, +)
        let error = try #require(throws: FilterError.self) { try Filter.parse(text) }
        #expect(error == .tooManyTerms(limit: FilterParser.maximumTerms, column: column))
        #expect(error.description.contains("more than 256 terms"))
    }

    @Test func filtersAtTheLimitsParse() throws {
        let depth = FilterParser.maximumDepth
        #expect(try Filter.parse(String(repeating: "(", count: depth) + "a" + String(repeating: ")", count: depth)).expression != nil)
        #expect(try Filter.parse(String(repeating: "-", count: 1) + String(repeating: "NOT ", count: depth - 1) + "a").expression != nil)
        #expect(try Filter.parse((0..<FilterParser.maximumTerms).map { "k\($0):v" }.joined(separator: " ")).expression != nil)
    }
}
