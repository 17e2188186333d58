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
    /// The same filter with its driving full-text query (``drivingFullTextQuery``) as a leading
    /// `event.id IN (…)` term, for plans that read the match set instead of walking the time
    /// index: SQLite then drives from that set, which is often smaller than any one term's
    /// (`service:payment status:504` reads the events of payment holding 504, not every event
    /// holding 504). Every result matches the driving query, so the results are the same.
    ///
    /// When the condition already holds that very MATCH (a filter of free text alone), it is left
    /// as it is: FTS5 would evaluate the query twice, which made a phrase filter 2× slower.
    var drivenByFullText: FilterSQL {
        guard let query = drivingFullTextQuery, !arguments.contains(.text(query)) else { return self }
        return FilterSQL(
            whereClause: "event.id IN (SELECT rowid FROM fts.event_fts WHERE event_fts MATCH ?) AND \(condition)",
            arguments: [.text(query)] + arguments, usesFullText: true, drivingFullTextQuery: query)
    }
}
