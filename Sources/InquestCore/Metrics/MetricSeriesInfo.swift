/// One stored metric series with its extent: what the series overlay and `inquest series` list.
public struct MetricSeriesInfo: Sendable, Hashable {
    /// The store's id of the series (stable for the life of the database).
    public var id: Int64
    /// The series name.
    public var name: String
    /// The series labels (its service under `service`, see ``service``).
    public var labels: [String: String]
    /// Number of stored samples (in the range asked for, when one was).
    public var sampleCount: Int
    /// Time of the first and last stored sample (nil when the series has none).
    public var first: Timestamp?
    public var last: Timestamp?
    /// The smallest and largest stored value, gaps left out (nil when every sample is a gap).
    public var minimum: Double?
    public var maximum: Double?

    /// Creates a description.
    public init(
        id: Int64, name: String, labels: [String: String], sampleCount: Int, first: Timestamp?, last: Timestamp?,
        minimum: Double? = nil, maximum: Double? = nil
    ) {
        self.id = id
        self.name = name
        self.labels = labels
        self.sampleCount = sampleCount
        self.first = first
        self.last = last
        self.minimum = minimum
        self.maximum = maximum
    }

    /// The label a series' service is stored under.
    public static let serviceLabel = "service"

    /// The service the series measures (its `service` label), if known.
    public var service: String? { labels[Self.serviceLabel] }

    /// The labels other than the service, as `key=value` sorted by key and joined by spaces.
    public var otherLabelsText: String {
        labels.filter { $0.key != Self.serviceLabel }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            .joined(separator: " ")
    }
}
