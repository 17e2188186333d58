import InquestCore

/// Builds FTS5 query strings from free-text expressions.
///
/// Every word becomes a double-quoted FTS5 string with inner quotes doubled, so user text can
/// only ever be searched, never interpreted as FTS5 syntax. A prefix search appends `*` after
/// the closing quote.
///
/// The index keeps no token positions (`detail=none`), so FTS5 cannot match a phrase. Text of
/// several tokens (a quoted phrase, or a word like `req-42` that the tokenizer splits) is not
/// part of these queries: it compiles on its own to "all its tokens" in the index plus an order
/// check on the row (``FilterSQLFragment/fullTextPhrase(_:)``).
enum FilterFullTextQuery {
    /// The FTS5 query for an expression made only of single-token free text (words and prefixes
    /// combined with AND, OR, and NOT next to a positive term), or nil when the expression has
    /// other terms, text of several tokens, or a NOT that FTS5 cannot express (FTS5's NOT needs
    /// a left-hand side).
    static func query(for expression: FilterExpression) -> String? {
        query(for: expression, phrasesAsTokens: false)
    }

    /// Like ``query(for:)``, but text of several tokens becomes the AND of its tokens: a query
    /// whose matches include every result (used to size the match set, never to filter).
    static func superset(for expression: FilterExpression) -> String? {
        query(for: expression, phrasesAsTokens: true)
    }

    /// The AND of the tokens of `text` (the last one a prefix for a prefix search).
    static func tokenQuery(_ text: FilterText) -> String {
        let tokens = FullTextTokenizer.tokens(text.text)
        return tokens.enumerated().map { index, token in
            let body = "\"" + token.replacing("\"", with: "\"\"") + "\""
            if case .prefix = text, index == tokens.count - 1 { return body + "*" }
            return body
        }.joined(separator: " AND ")
    }

    /// Whether `text` is more than one token for the index.
    static func isMultiToken(_ text: FilterText) -> Bool {
        FullTextTokenizer.tokens(text.text).count > 1
    }

    private static func query(for expression: FilterExpression, phrasesAsTokens: Bool) -> String? {
        switch expression {
        case .term(.text(let text)):
            if isMultiToken(text) { return phrasesAsTokens ? "(\(tokenQuery(text)))" : nil }
            return quoted(text)
        case .term, .not:
            return nil
        case .or(let children):
            var parts: [String] = []
            for child in children {
                guard let part = query(for: child, phrasesAsTokens: phrasesAsTokens) else { return nil }
                parts.append("(\(part))")
            }
            return parts.joined(separator: " OR ")
        case .and(let children):
            var positives: [String] = []
            var negatives: [String] = []
            for child in children {
                if case .not(let inner) = child {
                    // A superset of a negated term would remove too much: leave it out.
                    if phrasesAsTokens, case .term(.text(let text)) = inner, isMultiToken(text) { continue }
                    guard let part = query(for: inner, phrasesAsTokens: phrasesAsTokens) else { return nil }
                    negatives.append(part)
                } else {
                    guard let part = query(for: child, phrasesAsTokens: phrasesAsTokens) else { return nil }
                    positives.append(part)
                }
            }
            guard !positives.isEmpty else { return nil }
            let positive = positives.map { "(\($0))" }.joined(separator: " AND ")
            return negatives.isEmpty ? positive : "(\(positive))" + negatives.map { " NOT (\($0))" }.joined()
        }
    }

    /// `"text"` (or `"text"*` for a prefix) with `"` doubled inside.
    static func quoted(_ text: FilterText) -> String {
        let body = "\"" + text.text.replacing("\"", with: "\"\"") + "\""
        if case .prefix = text { return body + "*" }
        return body
    }
}
