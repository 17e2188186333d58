/// Event counts in equal buckets over the report window (all events of the store, not only
/// the timeline's), with errors and metric anomalies per bucket.
public struct DensityChart: Sendable, Hashable, Codable {
    /// Bucket width in nanoseconds (0 when there are no buckets).
    public var bucketWidthNs: Int64
    public var buckets: [DensityBucket]

    public init(bucketWidthNs: Int64, buckets: [DensityBucket]) {
        self.bucketWidthNs = bucketWidthNs
        self.buckets = buckets
    }

    /// The largest bucket total (0 when empty).
    public var peak: Int { buckets.map(\.total).max() ?? 0 }
}

/// One bucket of a ``DensityChart``.
public struct DensityBucket: Sendable, Hashable, Codable {
    public var start: ReportTime
    public var total: Int
    /// Events of severity error or critical.
    public var errors: Int
    /// Metric anomaly events starting in the bucket.
    public var anomalies: Int

    public init(start: ReportTime, total: Int, errors: Int, anomalies: Int) {
        self.start = start
        self.total = total
        self.errors = errors
        self.anomalies = anomalies
    }
}
