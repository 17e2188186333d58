import InquestCore

/// A piece of SQL condition with its arguments.
struct FilterSQLFragment {
    /// A boolean SQL expression, parenthesised when it has a top-level operator.
    var sql: String
    var arguments: [FilterSQLArgument]
    /// True when the expression can evaluate to NULL (a NULL column or attribute);
    /// NOT then needs `IFNULL(..., 0)` so that "not equal" includes rows without the value.
    var mayBeNull: Bool
    var usesFullText: Bool
    /// The event fields the expression reads (``FilterSQLColumns/other`` unless a term says).
    var columns: FilterSQLColumns

    init(
        _ sql: String, _ arguments: [FilterSQLArgument] = [], mayBeNull: Bool = false, usesFullText: Bool = false,
        columns: FilterSQLColumns = .other
    ) {
        self.sql = sql
        self.arguments = arguments
        self.mayBeNull = mayBeNull
        self.usesFullText = usesFullText
        self.columns = columns
    }

    /// The condition of `expression`. `satisfied` names an FTS5 query every row the condition
    /// will be tested on is known to match (the rows come from its match set): its MATCH is
    /// then written as a constant instead of being evaluated again.
    static func compile(_ expression: FilterExpression, now: Timestamp, satisfied: String? = nil) -> FilterSQLFragment {
        switch expression {
        case .term(let term):
            return compile(term, now: now, satisfied: satisfied)
        case .not(let inner):
            if let query = FilterFullTextQuery.query(for: inner) {
                return fullText(query, negated: true, satisfied: satisfied)
            }
            let compiled = compile(inner, now: now, satisfied: satisfied)
            let sql = compiled.mayBeNull ? "(NOT IFNULL(\(compiled.sql), 0))" : "(NOT \(compiled.sql))"
            return FilterSQLFragment(sql, compiled.arguments, usesFullText: compiled.usesFullText, columns: compiled.columns)
        case .or(let children):
            return compileOr(children, now: now, satisfied: satisfied)
        case .and(let children):
            return compileAnd(children, now: now, satisfied: satisfied)
        }
    }

    /// `event.id [NOT] IN (SELECT rowid FROM fts.event_fts WHERE event_fts MATCH ?)`, or the
    /// constant it is when `query` is the one the rows are known to match.
    static func fullText(_ query: String, negated: Bool, satisfied: String? = nil) -> FilterSQLFragment {
        if let satisfied, query == satisfied {
            return FilterSQLFragment(negated ? "0" : "1")
        }
        let sql = "(event.id \(negated ? "NOT IN" : "IN") (SELECT rowid FROM fts.event_fts WHERE event_fts MATCH ?))"
        return FilterSQLFragment(sql, [.text(query)], usesFullText: true)
    }

    private static func compileOr(_ children: [FilterExpression], now: Timestamp, satisfied: String?) -> FilterSQLFragment {
        // All free-text alternatives go into one MATCH; the rest are ORed next to it.
        var textQueries: [String] = []
        var parts: [FilterSQLFragment] = []
        var textIndex: Int?
        for child in children {
            if let query = FilterFullTextQuery.query(for: child) {
                if textIndex == nil { textIndex = parts.count }
                textQueries.append(query)
            } else {
                parts.append(compile(child, now: now, satisfied: satisfied))
            }
        }
        if let textIndex {
            let query = textQueries.count == 1 ? textQueries[0] : textQueries.map { "(\($0))" }.joined(separator: " OR ")
            parts.insert(fullText(query, negated: false, satisfied: satisfied), at: textIndex)
        }
        return join(parts, with: "OR")
    }

    private static func compileAnd(_ children: [FilterExpression], now: Timestamp, satisfied: String?) -> FilterSQLFragment {
        // Positive free-text terms become one MATCH; negated free text rides along as FTS5 NOT.
        var positives: [String] = []
        var negatives: [String] = []
        var others: [FilterExpression] = []
        var textIndex: Int?
        for child in children {
            if let query = FilterFullTextQuery.query(for: child) {
                if textIndex == nil { textIndex = others.count }
                positives.append(query)
            } else if case .not(let inner) = child, let query = FilterFullTextQuery.query(for: inner) {
                negatives.append(query)
            } else {
                others.append(child)
            }
        }
        var parts = others.map { compile($0, now: now, satisfied: satisfied) }
        if let textIndex {
            var query = positives.count == 1 ? positives[0] : positives.map { "(\($0))" }.joined(separator: " AND ")
            if !negatives.isEmpty {
                query = "(\(query))" + negatives.map { " NOT (\($0))" }.joined()
            }
            parts.insert(fullText(query, negated: false, satisfied: satisfied), at: textIndex)
        } else {
            parts.append(contentsOf: negatives.map { fullText($0, negated: true, satisfied: satisfied) })
        }
        return join(parts, with: "AND")
    }

    private static func join(_ parts: [FilterSQLFragment], with keyword: String) -> FilterSQLFragment {
        if parts.count == 1 { return parts[0] }
        return FilterSQLFragment(
            "(" + parts.map(\.sql).joined(separator: " \(keyword) ") + ")",
            parts.flatMap(\.arguments),
            mayBeNull: parts.contains(where: \.mayBeNull),
            usesFullText: parts.contains(where: \.usesFullText),
            columns: parts.reduce(into: FilterSQLColumns()) { $0.formUnion($1.columns) }
        )
    }
}
