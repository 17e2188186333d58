import InquestCore

extension MetricPoint {
    /// The stored form of a parsed sample.
    public init(_ sample: MetricSample) {
        self.init(name: sample.series, labels: sample.labels, timestamp: sample.timestamp, value: sample.value)
    }
}
