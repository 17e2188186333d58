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

    /// Counts per bucket, oldest first.
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

    /// The zoom level after `z` (`zoomIn`) or `Z` from `level`, measured against the data's own
    /// extent (nanoseconds from the oldest to the newest matching event): zooming in from the
    /// whole range goes to the widest span narrower than it (a 2-hour incident goes to 1h, never
    /// out to a day); zooming out to a span as wide as the data shows it all.
    public static func zoom(from level: Int, in zoomIn: Bool, extent: Int64?) -> Int {
        let current = min(max(0, level), spans.count - 1)
        let shown: Int64? = current == 0 ? extent : spans[current]
        if zoomIn {
            guard let shown else { return min(current + 1, spans.count - 1) }
            return spans.indices.first { $0 > current && (spans[$0] ?? .max) < shown } ?? current
        }
        guard current > 0 else { return 0 }
        let wider = current - 1
        if let extent, let span = spans[wider], span >= extent { return 0 }
        return wider
    }

    /// True when the strip's range contains the time.
    public func covers(_ time: Timestamp) -> Bool {
        guard let from, let to else { return false }
        return from <= time && time < to
    }

    /// The start of the bucket drawn in `column` of a strip `columns` wide (what a click there
    /// jumps to); nil before the strip has a range.
    public func bucketStart(column: Int, columns: Int) -> Timestamp? {
        guard let from, let to, to > from, columns > 0 else { return nil }
        // In Double: the range may be wider than Int64 nanoseconds reach.
        let span = Double(to.nanoseconds) - Double(from.nanoseconds)
        let share = Double(min(max(0, column), columns - 1)) / Double(columns)
        return from.advanced(saturating: Int64((span * share).rounded(.up)))
    }
}
