/// The event fields a compiled filter reads, so that a reader can tell whether a table that
/// carries only some of them (``MinuteCounts``, the per-minute counts) answers the filter
/// exactly.
public struct FilterSQLColumns: OptionSet, Sendable, Hashable {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// `service:`
    public static let service = FilterSQLColumns(rawValue: 1 << 0)
    /// `host:`
    public static let host = FilterSQLColumns(rawValue: 1 << 1)
    /// `severity`/`level:`
    public static let severity = FilterSQLColumns(rawValue: 1 << 2)
    /// `source:` as a kind (`source:git`), and a glob over source names, which also tests the kind.
    public static let sourceKind = FilterSQLColumns(rawValue: 1 << 3)
    /// `source:` as a file name.
    public static let sourceName = FilterSQLColumns(rawValue: 1 << 4)
    /// `template:`
    public static let template = FilterSQLColumns(rawValue: 1 << 5)
    /// `after:`, `before:`, `since:`: the event's exact time.
    public static let time = FilterSQLColumns(rawValue: 1 << 6)
    /// Anything else: free text, attributes, trace/span/request ids, tags, stars, links,
    /// investigations, or a condition written by hand.
    public static let other = FilterSQLColumns(rawValue: 1 << 7)
}
