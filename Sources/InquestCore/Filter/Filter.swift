/// A parsed filter: what the user typed in the filter bar or passed to `--filter`,
/// and its expression. See `FILTER_SYNTAX.md` next to this file for the language.
public struct Filter: Sendable, Hashable {
    /// The filter exactly as typed.
    public let text: String
    /// The parsed expression; nil matches every event.
    public let expression: FilterExpression?

    /// Builds a filter from an expression, e.g. one composed by code rather than typed.
    public init(text: String, expression: FilterExpression?) {
        self.text = text
        self.expression = expression
    }

    /// Parses filter text. An empty or all-whitespace text matches everything.
    /// - Throws: ``FilterError`` with the column of the first problem.
    public static func parse(_ text: String) throws(FilterError) -> Filter {
        var parser = FilterParser(tokens: try FilterLexer.tokens(of: text), endColumn: text.count + 1)
        return Filter(text: text, expression: try parser.parseQuery())
    }

    /// The filter that matches every event.
    public static let everything = Filter(text: "", expression: nil)

    /// True when the filter matches every event.
    public var isEverything: Bool { expression == nil }

    /// The free-text words and phrases that must appear (not negated), for highlighting
    /// matches; prefix searches give their stem. In order, without duplicates.
    public var highlightTerms: [String] { expression?.positiveTextTerms ?? [] }

    /// The regular expressions that must match (not negated), for highlighting matches.
    public var highlightPatterns: [FilterRegex] { expression?.positiveRegexes ?? [] }
}
