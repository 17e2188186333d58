import InquestCore

/// Compiles a parsed ``Filter`` into a parameterised SQL condition over the `event` table.
///
/// No user text ever reaches the SQL: every value is a `?` bound from ``FilterSQL/arguments``,
/// and free text is passed to FTS5 as double-quoted strings, so FTS operators typed by the user
/// (`NEAR(`, `^`, `*`, `"`, `:`) are searched as text. Positive free-text terms of one AND group
/// (and the negated ones next to them) become a single `MATCH`; simple field terms stay plain
/// column comparisons so that SQLite can use `event_by_time` and any column index.
public enum FilterSQLCompiler {
    /// The condition for `filter`; relative times (`since:15m`) are resolved against `now`.
    public static func compile(_ filter: Filter, now: Timestamp) -> FilterSQL {
        guard let expression = filter.expression else { return .everything }
        let fragment = FilterSQLFragment.compile(expression, now: now)
        return FilterSQL(
            whereClause: fragment.sql, arguments: fragment.arguments, usesFullText: fragment.usesFullText,
            drivingFullTextQuery: drivingQuery(for: expression)
        )
    }

    /// The FTS5 query of the free text every result must match: the whole expression when it
    /// is only free text, else the positive free-text terms of a top-level AND.
    static func drivingQuery(for expression: FilterExpression) -> String? {
        if let whole = FilterFullTextQuery.query(for: expression) { return whole }
        guard case .and(let children) = expression else { return nil }
        let text = children.filter { child in
            if case .not = child { return false }
            return FilterFullTextQuery.query(for: child) != nil
        }
        return text.isEmpty ? nil : FilterFullTextQuery.query(for: .and(text))
    }
}
