/// The filter language's spelling of an expression: the inverse of ``Filter/parse(_:)``.
/// Code that composes a filter (the canvas's `f` on a trace id) builds nodes and spells them
/// here, so quoting and escaping live next to the lexer that reads them back.
extension FilterExpression {
    /// Filter text that parses back to this expression. Values are quoted, attribute keys
    /// written as `attr."key"`, times in UTC to the nanosecond; `AND` is juxtaposition.
    public var spelling: String {
        switch self {
        case .and(let children):
            return children.map { child in
                if case .or = child { return "(" + child.spelling + ")" }
                return child.spelling
            }.joined(separator: " ")
        case .or(let children):
            return children.map(\.spelling).joined(separator: " OR ")
        case .not(let child):
            if case .term = child { return "-" + child.spelling }
            return "-(" + child.spelling + ")"
        case .term(let term):
            return term.spelling
        }
    }
}

extension Filter {
    /// A filter composed by code: the expression with its spelling as the text.
    public init(expression: FilterExpression) {
        self.init(text: expression.spelling, expression: expression)
    }
}

extension FilterTerm {
    /// The term as one `field:value` or free-text token.
    public var spelling: String {
        switch self {
        case .text(let text): text.spelling
        case .substring(let text): "*" + (FilterPattern.isBare(text) ? text : FilterPattern.quoted(text)) + "*"
        case .regex(let regex): "re:" + FilterPattern.quoted(regex.source)
        case .sourceKind(let kind): "source:" + kind.rawValue
        case .sourceName(let pattern): "source:" + pattern.spelling
        case .severity(let comparison, let severity): "severity" + comparison.operatorSpelling + severity.name
        case .service(let pattern): "service:" + pattern.spelling
        case .host(let pattern): "host:" + pattern.spelling
        case .traceID(let pattern): "trace:" + pattern.spelling
        case .spanID(let pattern): "span:" + pattern.spelling
        case .requestID(let pattern): "request:" + pattern.spelling
        case .tag(let pattern): "tag:" + pattern.spelling
        case .starred: "is:starred"
        case .linked: "is:linked"
        case .investigation(let id): "investigation:\(id)"
        case .templateID(let id): "template:\(id)"
        case .templateText(let text): "template:" + FilterPattern.quoted(text)
        case .after(.ago(let nanoseconds)): "since:" + FilterTimePoint.durationSpelling(nanoseconds)
        case .after(let point): "after:" + point.spelling
        case .before(let point): "before:" + point.spelling
        case .attribute(let key, let comparison, let value): "attr." + FilterPattern.quoted(key) + comparison.operatorSpelling + value.spelling
        }
    }
}

extension FilterText {
    /// A bare word or stem when the lexer reads it back as one, else quoted.
    var spelling: String {
        switch self {
        case .word(let word): FilterPattern.isBare(word) ? word : FilterPattern.quoted(word)
        case .prefix(let stem): (FilterPattern.isBare(stem) ? stem : FilterPattern.quoted(stem)) + "*"
        case .phrase(let phrase): FilterPattern.quoted(phrase)
        }
    }
}

extension FilterPattern {
    /// Literal pieces quoted, wildcards bare: `"pay"*`.
    var spelling: String {
        pieces.map { piece in
            switch piece {
            case .literal(let text): Self.quoted(text)
            case .wildcard: "*"
            }
        }.joined()
    }

    /// A quoted string as the lexer reads it: `"` and `\` escaped with `\`.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for character in text {
            if character == "\"" || character == "\\" { result.append("\\") }
            result.append(character)
        }
        result.append("\"")
        return result
    }

    /// True when `text` reads back as the same free-text word unquoted: no spaces, quotes,
    /// parentheses, operators or `*`, no leading `-`, and not a keyword.
    static func isBare(_ text: String) -> Bool {
        guard let first = text.first, first != "-", !["AND", "OR", "NOT"].contains(text) else { return false }
        return !text.contains { $0.isWhitespace || "\"()*:<>=!".contains($0) }
    }
}

extension FilterComparison {
    /// `:` for equality, else the comparison's operator.
    var operatorSpelling: String { self == .equal ? ":" : rawValue }
}

extension FilterValue {
    var spelling: String {
        switch self {
        case .number(_, let text): text
        case .boolean(let value): value ? "true" : "false"
        case .text(let pattern): pattern.spelling
        }
    }
}

extension FilterTimePoint {
    /// An absolute time in UTC to the nanosecond, or a duration ago.
    var spelling: String {
        switch self {
        case .absolute(let time): TimestampFormatter.iso8601UTC(time, fractionDigits: 9)
        case .ago(let nanoseconds): Self.durationSpelling(nanoseconds)
        }
    }

    /// A duration in its largest whole unit (`2h`, `90s`); the language counts in milliseconds at least.
    static func durationSpelling(_ nanoseconds: Int64) -> String {
        let units: [(String, Int64)] = [("w", 604_800_000_000_000), ("d", 86_400_000_000_000), ("h", 3_600_000_000_000), ("m", 60_000_000_000), ("s", 1_000_000_000)]
        for (unit, size) in units where nanoseconds != 0 && nanoseconds % size == 0 {
            return "\(nanoseconds / size)\(unit)"
        }
        return "\(nanoseconds / 1_000_000)ms"
    }
}
