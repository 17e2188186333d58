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
