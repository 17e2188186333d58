/// Recursive-descent parser of the filter grammar:
///
/// ```
/// query   := orExpr?
/// orExpr  := andExpr ("OR" andExpr)*
/// andExpr := unary ("AND"? unary)*
/// unary   := ("-" | "NOT") unary | primary
/// primary := "(" orExpr ")" | term
/// ```
///
/// Nesting (`(` and `NOT`/`-`) is limited to ``maximumDepth`` levels, so the recursion cannot
/// overflow the stack, and the terms to ``maximumTerms``, so the compiled SQL stays inside
/// SQLite's limits (expression depth 1,000, parser stack 100 entries: `NOT (` nests two).
struct FilterParser {
    /// The deepest nesting of parentheses and negations.
    static let maximumDepth = 16
    /// The most terms one filter may have.
    static let maximumTerms = 256

    private let tokens: [FilterToken]
    private var depth = 0
    private var terms = 0
    /// The column just past the input, reported when the input ends where a term is due.
    private let endColumn: Int
    private var position = 0

    init(tokens: [FilterToken], endColumn: Int) {
        self.tokens = tokens
        self.endColumn = endColumn
    }

    /// Parses the whole token list; nil when there are no tokens.
    mutating func parseQuery() throws(FilterError) -> FilterExpression? {
        guard !tokens.isEmpty else { return nil }
        let expression = try parseOr()
        if let extra = peek {
            // parseOr stops only at the end or at a ")" it cannot close.
            throw .unmatchedClosingParenthesis(column: extra.column)
        }
        return expression
    }

    private var peek: FilterToken? { position < tokens.count ? tokens[position] : nil }

    private mutating func advance() -> FilterToken? {
        defer { position += 1 }
        return peek
    }

    private var nextStartsTerm: Bool {
        switch peek?.kind {
        case .openParenthesis?, .minus?, .keyword(.not)?, .term?, .regex?: true
        case .closeParenthesis?, .keyword(.and)?, .keyword(.or)?, nil: false
        }
    }

    private mutating func parseOr() throws(FilterError) -> FilterExpression {
        var items = [try parseAnd()]
        while let token = peek, token.kind == .keyword(.or) {
            position += 1
            guard nextStartsTerm else { throw .missingTermAfter("OR", column: token.column) }
            items.append(try parseAnd())
        }
        return .any(items)
    }

    private mutating func parseAnd() throws(FilterError) -> FilterExpression {
        var items = [try parseUnary()]
        while let token = peek {
            switch token.kind {
            case .closeParenthesis, .keyword(.or):
                return .all(items)
            case .keyword(.and):
                position += 1
                guard nextStartsTerm else { throw .missingTermAfter("AND", column: token.column) }
                items.append(try parseUnary())
            default:
                items.append(try parseUnary())
            }
        }
        return .all(items)
    }

    private mutating func parseUnary() throws(FilterError) -> FilterExpression {
        guard let token = peek else { throw .missingTermAfter("the end", column: endColumn) }
        switch token.kind {
        case .minus, .keyword(.not):
            position += 1
            guard nextStartsTerm else {
                throw .missingTermAfter(token.kind == .minus ? "\"-\"" : "NOT", column: token.column)
            }
            try enter(at: token)
            defer { depth -= 1 }
            return .not(try parseUnary())
        default:
            return try parsePrimary()
        }
    }

    private mutating func parsePrimary() throws(FilterError) -> FilterExpression {
        guard let token = advance() else { throw .missingTermAfter("the end", column: endColumn) }
        switch token.kind {
        case .openParenthesis:
            if let next = peek, next.kind == .closeParenthesis { throw .emptyGroup(column: token.column) }
            guard nextStartsTerm || peek?.kind == .keyword(.and) || peek?.kind == .keyword(.or) else {
                throw .unclosedParenthesis(column: token.column)
            }
            try enter(at: token)
            defer { depth -= 1 }
            let inner = try parseOr()
            guard let close = advance(), close.kind == .closeParenthesis else {
                throw .unclosedParenthesis(column: token.column)
            }
            return inner
        case .closeParenthesis:
            throw .unmatchedClosingParenthesis(column: token.column)
        case .keyword(let keyword):
            throw .missingTermBefore(keyword.rawValue, column: token.column)
        case .minus:
            throw .missingTermAfter("\"-\"", column: token.column)
        case .term(let raw):
            terms += 1
            guard terms <= Self.maximumTerms else { throw .tooManyTerms(limit: Self.maximumTerms, column: token.column) }
            return try FilterTermParser.expression(for: raw)
        case .regex(let pattern):
            terms += 1
            guard terms <= Self.maximumTerms else { throw .tooManyTerms(limit: Self.maximumTerms, column: token.column) }
            return .term(.regex(try FilterRegex(pattern, column: token.column)))
        }
    }

    /// One level deeper, at a `(` or a negation.
    private mutating func enter(at token: FilterToken) throws(FilterError) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw .nestedTooDeeply(limit: Self.maximumDepth, column: token.column) }
    }
}
