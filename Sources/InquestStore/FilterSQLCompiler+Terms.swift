import InquestCore

extension FilterSQLFragment {
    /// The condition of one term. Text comparisons on names are case-insensitive for ASCII
    /// letters (`COLLATE NOCASE`, `LIKE`), the same rule SQLite applies everywhere else.
    static func compile(_ term: FilterTerm, now: Timestamp, satisfied: String? = nil) -> FilterSQLFragment {
        switch term {
        case .text(let text):
            return fullText(FilterFullTextQuery.searched(text), negated: false, satisfied: satisfied)
        case .substring(let text):
            return FilterSQLFragment("event.message LIKE ? ESCAPE '\\'", [.text(likePattern(FilterPattern(pieces: [.wildcard, .literal(text), .wildcard])))])
        case .regex(let regex):
            return FilterSQLRegex.condition(regex)
        case .sourceKind(let kind):
            return FilterSQLFragment("event.source_kind = ?", [.text(kind.rawValue)], columns: .sourceKind)
        case .sourceName(let pattern):
            if let exact = pattern.exactText {
                return FilterSQLFragment("event.source_name = ? COLLATE NOCASE", [.text(exact)], columns: .sourceName)
            }
            let like = FilterSQLFragment.likePattern(pattern)
            return FilterSQLFragment(
                "(event.source_name LIKE ? ESCAPE '\\' OR event.source_kind LIKE ? ESCAPE '\\')",
                [.text(like), .text(like)], columns: [.sourceName, .sourceKind]
            )
        case .severity(let comparison, let severity):
            return FilterSQLFragment("event.severity \(sqlOperator(comparison)) ?", [.integer(Int64(severity.rawValue))], columns: .severity)
        case .service(let pattern):
            return caseInsensitive("event.service", pattern, columns: .service)
        case .host(let pattern):
            return caseInsensitive("event.host", pattern, columns: .host)
        case .traceID(let pattern):
            return identifier("event.trace_id", pattern)
        case .spanID(let pattern):
            return identifier("event.span_id", pattern)
        case .requestID(let pattern):
            return identifier("event.request_id", pattern)
        case .tag(let pattern):
            let condition = pattern.exactText == nil ? "tag LIKE ? ESCAPE '\\'" : "tag = ? COLLATE NOCASE"
            return FilterSQLFragment(
                "(event.id IN (SELECT event_id FROM event_tag WHERE \(condition)))",
                [.text(pattern.exactText ?? likePattern(pattern))]
            )
        case .starred:
            return FilterSQLFragment("(event.id IN (SELECT event_id FROM star))")
        case .linked:
            return FilterSQLFragment("(event.id IN (SELECT event_id FROM event_link))")
        case .investigation(let id):
            return FilterSQLFragment("(event.id IN (SELECT event_id FROM event_link WHERE investigation_id = ?))", [.integer(id)])
        case .templateID(let id):
            return templateFamily(seed: "SELECT ?", [.integer(id)])
        case .templateText(let text):
            return templateFamily(seed: "SELECT id FROM log_template WHERE text = ? AND merged_into IS NULL", [.text(text)])
        case .after(let point):
            return FilterSQLFragment("event.ts >= ?", [.integer(point.resolved(now: now).nanoseconds)], columns: .time)
        case .before(let point):
            return FilterSQLFragment("event.ts < ?", [.integer(point.resolved(now: now).nanoseconds)], columns: .time)
        case .attribute(let key, let comparison, let value):
            return FilterSQLAttribute(key: key).condition(comparison, value, satisfied: satisfied)
        }
    }

    static func sqlOperator(_ comparison: FilterComparison) -> String {
        switch comparison {
        case .equal: "="
        case .less: "<"
        case .lessOrEqual: "<="
        case .greater: ">"
        case .greaterOrEqual: ">="
        }
    }

    /// Exact (`= ? COLLATE NOCASE`) or glob (`LIKE`) match on a nullable text column.
    private static func caseInsensitive(_ column: String, _ pattern: FilterPattern, columns: FilterSQLColumns) -> FilterSQLFragment {
        if let exact = pattern.exactText {
            return FilterSQLFragment("\(column) = ? COLLATE NOCASE", [.text(exact)], mayBeNull: true, columns: columns)
        }
        return FilterSQLFragment("\(column) LIKE ? ESCAPE '\\'", [.text(likePattern(pattern))], mayBeNull: true, columns: columns)
    }

    /// Events whose template is one of the `seed` query's ids or was absorbed into one of them
    /// (following `log_template.merged_into` down, however many times templates were merged).
    private static func templateFamily(seed: String, _ arguments: [FilterSQLArgument]) -> FilterSQLFragment {
        FilterSQLFragment("""
            (event.template_id IN (WITH RECURSIVE family(id) AS (\(seed) UNION \
            SELECT log_template.id FROM log_template JOIN family ON log_template.merged_into = family.id) \
            SELECT id FROM family))
            """, arguments, mayBeNull: true, columns: .template)
    }

    /// Exact, case-sensitive `=` (index-friendly) on an id column; a glob uses `LIKE`.
    private static func identifier(_ column: String, _ pattern: FilterPattern) -> FilterSQLFragment {
        if let exact = pattern.exactText {
            return FilterSQLFragment("\(column) = ?", [.text(exact)], mayBeNull: true)
        }
        return FilterSQLFragment("\(column) LIKE ? ESCAPE '\\'", [.text(likePattern(pattern))], mayBeNull: true)
    }

    /// The pattern as a `LIKE ... ESCAPE '\'` pattern: wildcards become `%`, and `%`, `_`, `\`
    /// in literal text are escaped.
    static func likePattern(_ pattern: FilterPattern) -> String {
        var like = ""
        for piece in pattern.pieces {
            switch piece {
            case .wildcard:
                like.append("%")
            case .literal(let text):
                for character in text {
                    if character == "%" || character == "_" || character == "\\" { like.append("\\") }
                    like.append(character)
                }
            }
        }
        return like
    }
}
