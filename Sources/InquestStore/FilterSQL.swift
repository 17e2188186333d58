/// A filter compiled to a parameterised SQL condition over the `event` table.
///
/// `whereClause` never contains user text: every value is a `?` placeholder bound from
/// ``arguments``, in order. An empty filter compiles to `1`.
public struct FilterSQL: Sendable, Hashable {
    public var whereClause: String
    public var arguments: [FilterSQLArgument]
    /// True when the condition reads `fts.event_fts`; the store then brings the full-text index
    /// up to date before running it.
    public var usesFullText: Bool
    /// An FTS5 query that every matching event matches (the filter's positive free text at its
    /// top level), or nil. When it matches few events, a window is read by looking those up
    /// and sorting them instead of walking the time index.
    public var drivingFullTextQuery: String?
    /// The condition for rows already known to match ``drivingFullTextQuery``: the same as
    /// ``whereClause`` with that MATCH written as a constant, so a plan that reads the match
    /// set does not evaluate the query a second time. Nil when there is no driving query.
    public var matchSetWhereClause: String?
    /// The arguments of ``matchSetWhereClause``.
    public var matchSetArguments: [FilterSQLArgument]
    /// The event fields the condition reads; a condition written by hand reads ``FilterSQLColumns/other``.
    public var columns: FilterSQLColumns

    public init(
        whereClause: String, arguments: [FilterSQLArgument], usesFullText: Bool, drivingFullTextQuery: String? = nil,
        matchSetWhereClause: String? = nil, matchSetArguments: [FilterSQLArgument] = [], columns: FilterSQLColumns = .other
    ) {
        self.whereClause = whereClause
        self.arguments = arguments
        self.usesFullText = usesFullText
        self.drivingFullTextQuery = drivingFullTextQuery
        self.matchSetWhereClause = matchSetWhereClause
        self.matchSetArguments = matchSetArguments
        self.columns = columns
    }

    /// Matches every event.
    public static let everything = FilterSQL(whereClause: "1", arguments: [], usesFullText: false, columns: [])
}

/// A value bound to one `?` of a ``FilterSQL``.
public enum FilterSQLArgument: Sendable, Hashable {
    case integer(Int64)
    case real(Double)
    case text(String)
}
