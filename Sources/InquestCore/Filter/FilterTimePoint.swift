/// A time bound of `after:`, `before:`, `since:`.
public enum FilterTimePoint: Sendable, Hashable {
    /// A fixed instant.
    case absolute(Timestamp)
    /// That many nanoseconds before the `now` given when the filter is compiled.
    case ago(nanoseconds: Int64)

    /// A time as the filter language writes one (`2026-11-20T10:42Z`, `2026-11-20 10:42:05.5+01:00`,
    /// `2026-11-20`; UTC without a zone) or a duration before now (`15m`, `1h30m`); nil otherwise.
    /// The CLI's `--after`/`--before` options read their values with it.
    public init?(parsing text: String) {
        if let timestamp = FilterLiteral.timestamp(text) {
            self = .absolute(timestamp)
        } else if let nanoseconds = FilterLiteral.duration(text) {
            self = .ago(nanoseconds: nanoseconds)
        } else {
            return nil
        }
    }

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
