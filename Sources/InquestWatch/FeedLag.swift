/// How far a feed is behind its source, as it last reported.
public enum FeedLag: Sendable, Hashable {
    /// Bytes between what was stored and the end of the followed file(s).
    case bytes(Int64)
    /// Seconds since the newest record the feed stored (for pulled sources).
    case seconds(Double)

    /// The number behind the lag, in its unit (for metrics).
    public var value: Double {
        switch self {
        case .bytes(let bytes): Double(bytes)
        case .seconds(let seconds): seconds
        }
    }

    /// `bytes` or `seconds`.
    public var unit: String {
        switch self {
        case .bytes: "bytes"
        case .seconds: "seconds"
        }
    }
}
