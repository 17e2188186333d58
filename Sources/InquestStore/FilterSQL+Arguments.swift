import GRDB

extension FilterSQLArgument {
    /// The value GRDB binds for this argument.
    var databaseValue: DatabaseValue {
        switch self {
        case let .integer(value): value.databaseValue
        case let .real(value): value.databaseValue
        case let .text(value): value.databaseValue
        }
    }
}

extension FilterSQL {
    /// The filter's arguments followed by `extra` (for placeholders written after the filter's condition).
    func statementArguments(_ extra: [any DatabaseValueConvertible] = []) -> StatementArguments {
        StatementArguments(arguments.map(\.databaseValue) + extra.map(\.databaseValue))
    }

    /// The condition wrapped in parentheses, ready to combine with `AND`.
    var condition: String { "(\(whereClause))" }
}

extension FilterSQL {
    /// The filter restricted to `ids` (matches of ``drivingFullTextQuery``, as a JSON array of
    /// integers), for a plan that reads the match set instead of walking the time index: SQLite
    /// drives from the ids and tests ``matchSetWhereClause`` on them, so the driving query is
    /// evaluated once, and its set is often smaller than any single term's
    /// (`service:payment status:504` reads the payment events holding 504, not all 12.7k
    /// events holding 504).
    func restricted(toMatches ids: String) -> FilterSQL {
        FilterSQL(
            whereClause: "event.id IN (SELECT value FROM json_each(?)) AND (\(matchSetWhereClause ?? whereClause))",
            arguments: [.text(ids)] + (matchSetWhereClause == nil ? arguments : matchSetArguments),
            usesFullText: usesFullText)
    }
}
