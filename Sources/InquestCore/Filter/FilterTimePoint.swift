/// A time bound of `after:`, `before:`, `since:`.
public enum FilterTimePoint: Sendable, Hashable {
    /// A fixed instant.
    case absolute(Timestamp)
    /// That many nanoseconds before the `now` given when the filter is compiled.
    case ago(nanoseconds: Int64)

    /// The instant, resolving relative points against `now` (saturating at the Timestamp range).
    public func resolved(now: Timestamp) -> Timestamp {
        switch self {
        case .absolute(let timestamp):
            return timestamp
        case .ago(let nanoseconds):
            let (value, overflow) = now.nanoseconds.subtractingReportingOverflow(nanoseconds)
            return Timestamp(nanoseconds: overflow ? Int64.min : value)
        }
    }
}
