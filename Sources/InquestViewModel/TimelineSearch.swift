import InquestCore

/// What `Ctrl-S` (`:search TEXT`) looks for with `n`/`N`: text typed in the search prompt, found
/// among the rows the filter shows without changing the filter (as `/` does in less and lnav).
/// Plain text is found anywhere in the message, inside words too, ignoring ASCII case;
/// `/pattern/` is a regular expression (``FilterRegex``, smart case).
public struct TimelineSearch: Sendable, Hashable {
    /// The search as typed.
    public let text: String
    /// The condition `n`/`N` add to the timeline's query (a `substring` or `regex` term).
    public let expression: FilterExpression

    /// Reads the typed text; nil when it is blank.
    /// - Throws: ``FilterError/invalidRegex(_:reason:column:)`` for a bad `/pattern/`.
    public init?(_ typed: String) throws(FilterError) {
        let text = typed.trimmingWhitespace
        guard !text.isEmpty else { return nil }
        self.text = text
        if text.count >= 2, text.hasPrefix("/"), text.hasSuffix("/") {
            expression = .term(.regex(try FilterRegex(String(text.dropFirst().dropLast()), column: 2)))
        } else {
            expression = .term(.substring(text))
        }
    }

    /// The plain text searched for, to highlight (empty for a regular expression).
    public var highlightTerms: [String] { expression.positiveTextTerms }

    /// The regular expression searched for, to highlight.
    public var highlightPatterns: [FilterRegex] { expression.positiveRegexes }
}
