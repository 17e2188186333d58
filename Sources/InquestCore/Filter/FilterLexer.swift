/// A keyword of the filter language; only the upper-case, unquoted spelling is a keyword.
enum FilterKeyword: String, Sendable, Hashable {
    case and = "AND"
    case or = "OR"
    case not = "NOT"
}

/// One term as typed: runs of unquoted and quoted text with no whitespace or parenthesis
/// between them (`service:"api gateway"` is the unquoted `service:` then the quoted `api gateway`).
struct FilterRawTerm: Sendable, Hashable {
    /// A run of characters; quoted runs have their quotes removed and escapes resolved.
    struct Segment: Sendable, Hashable {
        var text: String
        var isQuoted: Bool
    }

    var segments: [Segment]
    /// 1-based column of the term's first character.
    var column: Int
    /// The term exactly as typed.
    var source: String
}

/// A lexical token with its 1-based column.
struct FilterToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case openParenthesis
        case closeParenthesis
        /// `-` directly before a term or group.
        case minus
        case keyword(FilterKeyword)
        case term(FilterRawTerm)
        /// `/pattern/`: a regular expression, as typed between the slashes.
        case regex(String)
    }

    var kind: Kind
    var column: Int
}

/// Splits filter text into tokens. Whitespace and parentheses separate terms except inside
/// double quotes; inside quotes `\"` is a quote and `\\` a backslash.
enum FilterLexer {
    static func tokens(of input: String) throws(FilterError) -> [FilterToken] {
        let characters = Array(input)
        var tokens: [FilterToken] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let column = index + 1
            if character.isWhitespace {
                index += 1
            } else if character == "(" {
                tokens.append(FilterToken(kind: .openParenthesis, column: column))
                index += 1
            } else if character == ")" {
                tokens.append(FilterToken(kind: .closeParenthesis, column: column))
                index += 1
            } else if character == "-" || (character == "!" && (index + 1 >= characters.count || characters[index + 1] != "=")) {
                // `!` inverts like `-` (as in lnav and most query bars); `!=` stays a comparison.
                tokens.append(FilterToken(kind: .minus, column: column))
                index += 1
            } else if character == "/" {
                tokens.append(FilterToken(kind: .regex(try readRegex(characters, from: &index)), column: column))
            } else {
                let term = try readTerm(characters, from: &index)
                if term.segments.count == 1, !term.segments[0].isQuoted,
                    let keyword = FilterKeyword(rawValue: term.segments[0].text)
                {
                    tokens.append(FilterToken(kind: .keyword(keyword), column: column))
                } else {
                    tokens.append(FilterToken(kind: .term(term), column: column))
                }
            }
        }
        return tokens
    }

    /// The pattern between `/` and the next `/` not escaped by `\\` (escapes are kept: they
    /// mean the same to the regular expression).
    private static func readRegex(_ characters: [Character], from index: inout Int) throws(FilterError) -> String {
        let column = index + 1
        index += 1
        var pattern = ""
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count {
                pattern.append(character)
                pattern.append(characters[index + 1])
                index += 2
                continue
            }
            index += 1
            if character == "/" { return pattern }
            pattern.append(character)
        }
        throw .invalidRegex(pattern, reason: "no closing / — end it with / (quote a path: \"/var/log\")", column: column)
    }

    private static func readTerm(_ characters: [Character], from index: inout Int) throws(FilterError) -> FilterRawTerm {
        let start = index
        var segments: [FilterRawTerm.Segment] = []
        var unquoted = ""
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace || character == "(" || character == ")" { break }
            guard character == "\"" else {
                unquoted.append(character)
                index += 1
                continue
            }
            if !unquoted.isEmpty {
                segments.append(.init(text: unquoted, isQuoted: false))
                unquoted = ""
            }
            let quoteColumn = index + 1
            index += 1
            var quoted = ""
            var closed = false
            while index < characters.count {
                let inner = characters[index]
                if inner == "\\", index + 1 < characters.count, characters[index + 1] == "\"" || characters[index + 1] == "\\" {
                    quoted.append(characters[index + 1])
                    index += 2
                } else if inner == "\"" {
                    closed = true
                    index += 1
                    break
                } else {
                    quoted.append(inner)
                    index += 1
                }
            }
            guard closed else { throw .unterminatedQuote(column: quoteColumn) }
            segments.append(.init(text: quoted, isQuoted: true))
        }
        if !unquoted.isEmpty { segments.append(.init(text: unquoted, isQuoted: false)) }
        return FilterRawTerm(segments: segments, column: start + 1, source: String(characters[start..<index]))
    }
}
