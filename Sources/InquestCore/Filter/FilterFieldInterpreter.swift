/// Gives meaning to a `field:value` term: known fields first, any other name is an attribute key.
enum FilterFieldInterpreter {
    typealias FieldTerm = FilterTermParser.FieldTerm

    static func expression(for term: FieldTerm) throws(FilterError) -> FilterExpression {
        let field = term.isExplicitAttribute ? nil : term.field.lowercased()
        guard !term.valueText.isEmpty else { throw .emptyValue(field: term.field, column: term.column) }
        let condition: FilterTerm
        switch field {
        case "source"?:
            try requireEquality(term)
            if let text = term.pattern.exactText, let kind = SourceKind(rawValue: text.lowercased()) {
                condition = .sourceKind(kind)
            } else {
                condition = .sourceName(term.pattern)
            }
        case "severity"?, "sev"?, "level"?:
            condition = .severity(term.op.comparison, try severity(term))
        case "service"?:
            condition = .service(try equalityPattern(term))
        case "host"?:
            condition = .host(try equalityPattern(term))
        case "trace"?, "trace_id"?:
            condition = .traceID(try equalityPattern(term))
        case "span"?, "span_id"?:
            condition = .spanID(try equalityPattern(term))
        case "request"?, "request_id"?, "req"?:
            condition = .requestID(try equalityPattern(term))
        case "tag"?:
            condition = .tag(try equalityPattern(term))
        case "re"?, "regex"?:
            try requireEquality(term)
            condition = .regex(try FilterRegex(term.valueText, column: term.column))
        case "is"?:
            try requireEquality(term)
            switch term.valueText.lowercased() {
            case "starred": condition = .starred
            case "linked": condition = .linked
            default: throw .unknownIsValue(term.valueText, column: term.column)
            }
        case "investigation"?:
            try requireEquality(term)
            guard let id = Int64(term.valueText), id > 0 else {
                throw .invalidInvestigationID(term.valueText, column: term.column)
            }
            condition = .investigation(id)
        case "template"?:
            try requireEquality(term)
            if !term.valueIsQuoted, let id = Int64(term.valueText) {
                condition = .templateID(id)
            } else {
                condition = .templateText(term.valueText)
            }
        case "since"?:
            try requireColon(term)
            guard let nanoseconds = FilterLiteral.duration(term.valueText) else {
                throw .invalidDuration(field: "since", value: term.valueText, column: term.column)
            }
            condition = .after(.ago(nanoseconds: nanoseconds))
        case "after"?:
            try requireColon(term)
            condition = .after(try timePoint(term, field: "after"))
        case "before"?, "until"?:
            try requireColon(term)
            condition = .before(try timePoint(term, field: field ?? "before"))
        default:
            condition = try attribute(term)
        }
        return term.op == .notEqual ? .not(.term(condition)) : .term(condition)
    }

    private static func requireEquality(_ term: FieldTerm) throws(FilterError) {
        guard !term.op.isOrdering else {
            throw .unsupportedComparison(field: term.field, comparison: term.op.rawValue, column: term.column)
        }
    }

    private static func requireColon(_ term: FieldTerm) throws(FilterError) {
        guard term.op == .colon else {
            throw .unsupportedComparison(field: term.field, comparison: term.op.rawValue, column: term.column)
        }
    }

    private static func equalityPattern(_ term: FieldTerm) throws(FilterError) -> FilterPattern {
        try requireEquality(term)
        return term.pattern
    }

    private static func severity(_ term: FieldTerm) throws(FilterError) -> Severity {
        guard term.pattern.exactText != nil, let severity = Severity(levelText: term.valueText) else {
            throw .unknownSeverity(term.valueText, column: term.column)
        }
        return severity
    }

    private static func timePoint(_ term: FieldTerm, field: String) throws(FilterError) -> FilterTimePoint {
        if let timestamp = FilterLiteral.timestamp(term.valueText) { return .absolute(timestamp) }
        if let nanoseconds = FilterLiteral.duration(term.valueText) { return .ago(nanoseconds: nanoseconds) }
        throw .invalidTime(field: field, value: term.valueText, column: term.column)
    }

    private static func attribute(_ term: FieldTerm) throws(FilterError) -> FilterTerm {
        guard !term.field.contains("\"") else { throw .invalidAttributeKey(term.field, column: term.column) }
        let number = term.valueIsQuoted || term.pattern.isGlob ? nil : FilterLiteral.number(term.valueText)
        if term.op.isOrdering {
            guard let number else {
                throw .notANumber(field: term.field, comparison: term.op.rawValue, value: term.valueText, column: term.column)
            }
            return .attribute(key: term.field, term.op.comparison, .number(number, text: term.valueText))
        }
        if let number { return .attribute(key: term.field, .equal, .number(number, text: term.valueText)) }
        if !term.valueIsQuoted, term.valueText == "true" || term.valueText == "false" {
            return .attribute(key: term.field, .equal, .boolean(term.valueText == "true"))
        }
        return .attribute(key: term.field, .equal, .text(term.pattern))
    }
}
