/// A stored metric series without its samples: what the suspects analysis reads to find the
/// series of each service (``InquestStore/seriesEntries()``).
public struct MetricSeriesEntry: Sendable, Hashable {
    /// The series id (for ``InquestStore/samples(series:range:)``).
    public var id: Int64
    /// The metric name (a CSV column, a Prometheus metric).
    public var name: String
    /// The labels, e.g. `PodName` or `service`.
    public var labels: [String: String]

    public init(id: Int64, name: String, labels: [String: String]) {
        self.id = id
        self.name = name
        self.labels = labels
    }
}
