import InquestCore

/// Totals for the status line and `inquest stats`.
public struct StoreStats: Sendable, Hashable {
    public var totalEvents: Int
    public var bySourceKind: [SourceKind: Int]
    public var bySeverity: [Severity: Int]
    /// The busiest services, most events first (events without a service are not counted).
    public var topServices: [ServiceCount]
    public var timeRange: ClosedRange<Timestamp>?
    public var deadLetters: Int
    /// Events not yet in the full-text index.
    public var fullTextBacklog: Int

    public init(
        totalEvents: Int, bySourceKind: [SourceKind: Int], bySeverity: [Severity: Int],
        topServices: [ServiceCount], timeRange: ClosedRange<Timestamp>?, deadLetters: Int, fullTextBacklog: Int
    ) {
        self.totalEvents = totalEvents
        self.bySourceKind = bySourceKind
        self.bySeverity = bySeverity
        self.topServices = topServices
        self.timeRange = timeRange
        self.deadLetters = deadLetters
        self.fullTextBacklog = fullTextBacklog
    }
}
