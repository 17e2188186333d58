import InquestCore

/// Builds FTS5 query strings from free-text expressions.
///
/// Every word or phrase becomes a double-quoted FTS5 string with inner quotes doubled, so user
/// text can only ever be searched, never interpreted as FTS5 syntax. A prefix search appends `*`
/// after the closing quote.
enum FilterFullTextQuery {
    /// The FTS5 query for an expression made only of free text (words, phrases, prefixes combined
    /// with AND, OR, and NOT next to a positive term), or nil when the expression has other terms
    /// or a NOT that FTS5 cannot express (FTS5's NOT needs a left-hand side).
    static func query(for expression: FilterExpression) -> String? {
        switch expression {
        case .term(.text(let text)):
            return searched(text)
        case .term, .not:
            return nil
        case .or(let children):
            var parts: [String] = []
            for child in children {
                guard let part = query(for: child) else { return nil }
                parts.append("(\(part))")
            }
            return parts.joined(separator: " OR ")
        case .and(let children):
            var positives: [String] = []
            var negatives: [String] = []
            for child in children {
                if case .not(let inner) = child {
                    guard let part = query(for: inner) else { return nil }
                    negatives.append(part)
                } else {
                    guard let part = query(for: child) else { return nil }
                    positives.append(part)
                }
            }
            guard !positives.isEmpty else { return nil }
            let positive = positives.map { "(\($0))" }.joined(separator: " AND ")
            return negatives.isEmpty ? positive : "(\(positive))" + negatives.map { " NOT (\($0))" }.joined()
        }
    }

    /// Free text is looked for in the message and the attributes; the index's `service` column
    /// only narrows `service:` terms (see `FilterSQLCompiler.drivingQuery(for:)`).
    static func searched(_ text: FilterText) -> String {
        "{message attributes} : " + quoted(text)
    }

    /// `"text"*` for a word or a prefix, `"text"` for a phrase, with `"` doubled inside. A bare
    /// word is searched as a token prefix, so `timeo` finds `timeout` as less's and lnav's
    /// searches would (the index has tokens, so the start of a word is what it can find fast;
    /// `*meou` finds text inside words, see `FilterTerm.substring`).
    static func quoted(_ text: FilterText) -> String {
        let body = "\"" + text.text.replacing("\"", with: "\"\"") + "\""
        switch text {
        case .word, .prefix: return body + "*"
        case .phrase: return body
        }
    }
}
