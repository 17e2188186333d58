/// Events counted in one breakdown cell, and how many of them are errors (severity ≥ error).
public struct BreakdownCount: Sendable, Hashable {
    public var events: Int
    public var errors: Int

    public init(events: Int = 0, errors: Int = 0) {
        self.events = events
        self.errors = errors
    }

    /// Errors as a fraction of the events (0 when there are none).
    public var errorShare: Double { events == 0 ? 0 : Double(errors) / Double(events) }

    public static func + (lhs: BreakdownCount, rhs: BreakdownCount) -> BreakdownCount {
        BreakdownCount(events: lhs.events + rhs.events, errors: lhs.errors + rhs.errors)
    }
}
