/// Why a filter text could not be parsed. Every case carries the 1-based column (in characters)
/// of the offending input, and ``message`` says what is wrong and what to do.
public enum FilterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A `"` opens a quoted phrase or value that never closes.
    case unterminatedQuote(column: Int)
    /// A `(` has no matching `)`.
    case unclosedParenthesis(column: Int)
    /// A `)` has no matching `(`.
    case unmatchedClosingParenthesis(column: Int)
    /// `()` with nothing inside.
    case emptyGroup(column: Int)
    /// An operator (`OR`, `AND`, `NOT`, `-`) is not followed by a term.
    case missingTermAfter(String, column: Int)
    /// A binary operator (`OR`, `AND`) is not preceded by a term.
    case missingTermBefore(String, column: Int)
    /// `field:` with nothing after it.
    case emptyValue(field: String, column: Int)
    /// A severity value that is neither a severity name nor a common level word.
    case unknownSeverity(String, column: Int)
    /// `since:` (or `after:`/`before:`) value that is not a duration like `15m`.
    case invalidDuration(field: String, value: String, column: Int)
    /// `after:`/`before:`/`until:` value that is neither a time nor a duration.
    case invalidTime(field: String, value: String, column: Int)
    /// A comparison such as `>` on a field that has no order (service, host, ...).
    case unsupportedComparison(field: String, comparison: String, column: Int)
    /// An ordering comparison (`>`, `>=`, `<`, `<=`) on an attribute with a value that is not a number.
    case notANumber(field: String, comparison: String, value: String, column: Int)
    /// `is:` with a value other than `starred` or `linked`.
    case unknownIsValue(String, column: Int)
    /// `investigation:` with a value that is not a positive integer id.
    case invalidInvestigationID(String, column: Int)
    /// An attribute key that cannot be looked up (it contains a double quote).
    case invalidAttributeKey(String, column: Int)
    /// A free-text word or phrase without a letter or digit, which the full-text index cannot search.
    case nothingToSearch(String, column: Int)
    /// Parentheses and `NOT`/`-` nest deeper than `limit` levels (``FilterParser/maximumDepth``).
    case nestedTooDeeply(limit: Int, column: Int)
    /// The filter has more than `limit` terms (``FilterParser/maximumTerms``); the store could not
    /// evaluate the condition.
    case tooManyTerms(limit: Int, column: Int)
    /// A regular expression (`/.../`, `re:`) that does not compile; `reason` says why.
    case invalidRegex(String, reason: String, column: Int)

    /// The 1-based column, counted in characters, where the problem is.
    public var column: Int {
        switch self {
        case .unterminatedQuote(let column), .unclosedParenthesis(let column),
            .unmatchedClosingParenthesis(let column), .emptyGroup(let column),
            .missingTermAfter(_, let column), .missingTermBefore(_, let column),
            .emptyValue(_, let column), .unknownSeverity(_, let column),
            .invalidDuration(_, _, let column), .invalidTime(_, _, let column),
            .unsupportedComparison(_, _, let column), .notANumber(_, _, _, let column),
            .unknownIsValue(_, let column), .invalidInvestigationID(_, let column),
            .invalidAttributeKey(_, let column), .nothingToSearch(_, let column),
            .nestedTooDeeply(_, let column), .tooManyTerms(_, let column),
            .invalidRegex(_, _, let column):
            column
        }
    }

    /// What is wrong and what to do, without the column.
    public var message: String {
        switch self {
        case .unterminatedQuote:
            "unterminated quote — add a closing \""
        case .unclosedParenthesis:
            "unclosed \"(\" — add \")\""
        case .unmatchedClosingParenthesis:
            "unmatched \")\" — remove it or add \"(\" before it"
        case .emptyGroup:
            "empty parentheses — put a term inside or remove them"
        case .missingTermAfter(let op, _):
            "expected a term after \(op)"
        case .missingTermBefore(let op, _):
            "expected a term before \(op)"
        case .emptyValue(let field, _):
            "\"\(field):\" needs a value, like \(field):something"
        case .unknownSeverity(let value, _):
            "unknown severity \"\(value)\" (use debug, info, warning, error, critical)"
        case .invalidDuration(let field, _, _):
            "\"\(field):\" needs a duration like 15m, 2h, 1d"
        case .invalidTime(let field, _, _):
            "\"\(field):\" needs a time like 2026-11-20T10:00Z, a date like 2026-11-20 or a duration like 2h"
        case .unsupportedComparison(let field, let comparison, _):
            "\"\(field)\" cannot be compared with \"\(comparison)\" — use \(field):VALUE"
        case .notANumber(let field, let comparison, let value, _):
            "\"\(comparison)\" needs a number, like \(field)\(comparison)1000 (got \"\(value)\")"
        case .unknownIsValue(let value, _):
            "unknown \"is:\(value)\" (use is:starred or is:linked)"
        case .invalidInvestigationID(let value, _):
            "\"investigation:\" needs an investigation number, like investigation:3 (got \"\(value)\")"
        case .invalidAttributeKey(let key, _):
            "attribute key \(key) contains a double quote, which cannot be looked up — search it as free text"
        case .nothingToSearch(let text, _):
            "\"\(text)\" has no letter or digit to search for — remove it or quote it with the words around it"
        case .nestedTooDeeply(let limit, _):
            "parentheses and NOT nest deeper than \(limit) levels — remove redundant ones"
        case .tooManyTerms(let limit, _):
            "more than \(limit) terms — split the search or use a broader term"
        case .invalidRegex(_, let reason, _):
            "bad regular expression: \(reason)"
        }
    }

    /// `column N: message`.
    public var description: String { "column \(column): \(message)" }

    /// The input on one line and a caret under the offending column on the next, followed by
    /// ``description``, for the canvas filter bar and the CLI:
    ///
    /// ```
    /// service:api (sev:error
    ///             ^
    /// column 13: unclosed "(" — add ")"
    /// ```
    ///
    /// Tabs before the column are kept so the caret lines up in a terminal.
    public func rendered(for input: String) -> String {
        let line = String(input.map { $0 == "\n" || $0 == "\r\n" || $0 == "\r" ? " " : $0 })
        var caret = ""
        for character in line.prefix(max(0, column - 1)) {
            caret.append(character == "\t" ? "\t" : " ")
        }
        caret.append("^")
        return line + "\n" + caret + "\n" + description
    }
}
