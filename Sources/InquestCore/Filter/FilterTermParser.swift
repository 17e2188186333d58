/// Turns one raw term into an expression: a `field:value` condition or free text.
enum FilterTermParser {
    /// The operator between a field and its value. `!=` means "not equal".
    enum Operator: String, Sendable {
        case colon = ":"
        case notEqual = "!="
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="

        var comparison: FilterComparison {
            switch self {
            case .colon, .notEqual: .equal
            case .less: .less
            case .lessOrEqual: .lessOrEqual
            case .greater: .greater
            case .greaterOrEqual: .greaterOrEqual
            }
        }

        var isOrdering: Bool { self != .colon && self != .notEqual }
    }

    /// A term split into field, operator and value segments.
    struct FieldTerm {
        /// The field as typed (attribute keys keep their case).
        var field: String
        /// True when the field was written as an attribute explicitly (`attr.x`, `"x"`).
        var isExplicitAttribute: Bool
        var op: Operator
        var value: [FilterRawTerm.Segment]
        var column: Int

        /// The value's text with quotes removed.
        var valueText: String { value.map(\.text).joined() }

        /// True when any part of the value was quoted.
        var valueIsQuoted: Bool { value.contains(where: \.isQuoted) }

        /// The value as a pattern: unquoted `*` are wildcards.
        var pattern: FilterPattern {
            var pieces: [FilterPattern.Piece] = []
            for segment in value {
                if segment.isQuoted {
                    pieces.append(.literal(segment.text))
                } else {
                    pieces.append(contentsOf: FilterPattern.glob(segment.text).pieces)
                }
            }
            return FilterPattern(pieces: pieces)
        }
    }

    static func expression(for raw: FilterRawTerm) throws(FilterError) -> FilterExpression {
        if let fieldTerm = split(raw) {
            return try FilterFieldInterpreter.expression(for: fieldTerm)
        }
        if let substring = try substring(raw) { return .term(.substring(substring)) }
        return .term(.text(try freeText(raw)))
    }

    /// Finds the first unquoted operator and checks that what precedes it is a field name.
    static func split(_ raw: FilterRawTerm) -> FieldTerm? {
        for (segmentIndex, segment) in raw.segments.enumerated() where !segment.isQuoted {
            let characters = Array(segment.text)
            var index = 0
            while index < characters.count {
                let next: Character? = index + 1 < characters.count ? characters[index + 1] : nil
                let op: Operator?
                switch characters[index] {
                case ":": op = .colon
                case "<": op = next == "=" ? .lessOrEqual : .less
                case ">": op = next == "=" ? .greaterOrEqual : .greater
                case "!": op = next == "=" ? .notEqual : nil
                default: op = nil
                }
                guard let op else {
                    index += 1
                    continue
                }
                let head = Array(raw.segments[..<segmentIndex]) + [.init(text: String(characters[..<index]), isQuoted: false)]
                guard let (field, explicit) = fieldName(head) else { return nil }
                let rest = String(characters[(index + op.rawValue.count)...])
                var value: [FilterRawTerm.Segment] = rest.isEmpty ? [] : [.init(text: rest, isQuoted: false)]
                value.append(contentsOf: raw.segments[(segmentIndex + 1)...])
                return FieldTerm(field: field, isExplicitAttribute: explicit, op: op, value: value, column: raw.column)
            }
        }
        return nil
    }

    /// The field named by the segments before an operator: a bare name (`service`, `http.method`),
    /// `attr.NAME`, `attr."quoted name"` or `"quoted name"`. Nil when it is not a field name.
    private static func fieldName(_ segments: [FilterRawTerm.Segment]) -> (String, Bool)? {
        let parts = segments.filter { !($0.text.isEmpty && !$0.isQuoted) }
        switch parts.count {
        case 1 where parts[0].isQuoted:
            return parts[0].text.isEmpty ? nil : (parts[0].text, true)
        case 1:
            let name = parts[0].text
            guard let first = name.first, first.isLetter || first == "_",
                name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "-" })
            else { return nil }
            if name.lowercased().hasPrefix("attr."), name.count > 5 { return (String(name.dropFirst(5)), true) }
            return (name, false)
        case 2 where !parts[0].isQuoted && parts[0].text.lowercased() == "attr." && parts[1].isQuoted:
            return parts[1].text.isEmpty ? nil : (parts[1].text, true)
        default:
            return nil
        }
    }

    /// `*text` or `*text*` (a leading unquoted `*`): the text inside words; nil without the star.
    static func substring(_ raw: FilterRawTerm) throws(FilterError) -> String? {
        guard let first = raw.segments.first, !first.isQuoted, first.text.hasPrefix("*") else { return nil }
        var segments = raw.segments
        segments[0].text = String(first.text.drop { $0 == "*" })
        if var last = segments.last, !last.isQuoted {
            while last.text.hasSuffix("*") { last.text.removeLast() }
            segments[segments.count - 1] = last
        }
        let text = segments.map(\.text).joined()
        guard !text.isEmpty else { throw .nothingToSearch(raw.source, column: raw.column) }
        return text
    }

    /// A word, prefix or phrase. Trailing unquoted `*` make it a prefix search.
    static func freeText(_ raw: FilterRawTerm) throws(FilterError) -> FilterText {
        var segments = raw.segments
        var isPrefix = false
        if var last = segments.last, !last.isQuoted, last.text.hasSuffix("*") {
            while last.text.hasSuffix("*") { last.text.removeLast() }
            isPrefix = true
            segments[segments.count - 1] = last
        }
        let text = segments.map(\.text).joined()
        guard text.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else {
            throw .nothingToSearch(raw.source, column: raw.column)
        }
        if isPrefix { return .prefix(text) }
        return segments.contains(where: \.isQuoted) ? .phrase(text) : .word(text)
    }
}
