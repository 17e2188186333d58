import InquestCore

/// The density strip above the timeline: event counts per time bucket around the cursor.
public struct DensityState: Sendable, Hashable {
    /// Zoom levels: index 0 is the whole matching range, then fixed spans.
    public static let spans: [Int64?] = [
        nil,
        86_400 * 1_000_000_000,
        6 * 3_600 * 1_000_000_000,
        3_600 * 1_000_000_000,
        15 * 60 * 1_000_000_000,
        5 * 60 * 1_000_000_000,
        60 * 1_000_000_000,
    ]

    public var buckets: [HistogramBucket]
    /// Index into ``spans``.
    public var zoom: Int
    /// The range the buckets cover, `from` inclusive, `to` exclusive.
    public var from: Timestamp?
    public var to: Timestamp?

    public init(buckets: [HistogramBucket] = [], zoom: Int = 0, from: Timestamp? = nil, to: Timestamp? = nil) {
        self.buckets = buckets
        self.zoom = zoom
        self.from = from
        self.to = to
    }

    /// A short label of the zoom level (`all`, `1d`, `6h`, `1h`, `15m`, `5m`, `1m`).
    public var zoomLabel: String {
        ["all", "1d", "6h", "1h", "15m", "5m", "1m"][min(max(zoom, 0), Self.spans.count - 1)]
    }

    /// True when the strip's range contains the time.
    public func covers(_ time: Timestamp) -> Bool {
        guard let from, let to else { return false }
        return from <= time && time < to
    }
}
