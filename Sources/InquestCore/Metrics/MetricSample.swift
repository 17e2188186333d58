/// One observation of one metric series at one time.
///
/// A gap (a `NaN` or empty cell in a CSV, a `NaN` in Prometheus text) is kept as a sample
/// whose ``value`` is `.nan`, so consumers see where data is missing; the anomaly detector skips it.
public struct MetricSample: Sendable, Hashable {
    /// The series name: a Prometheus metric name (`http_requests_total`, `x_bucket`) or a CSV
    /// value column's header (or the caller's default name for a plain `timestamp,value` file).
    public var series: String
    /// Labels identifying the series instance (`le`, `quantile`, `pod`...); empty when none.
    public var labels: [String: String]
    /// When the value was observed, UTC.
    public var timestamp: Timestamp
    /// The observed value; `.nan` marks a gap, `±.infinity` is kept as written.
    public var value: Double

    /// Creates a sample.
    public init(series: String, labels: [String: String] = [:], timestamp: Timestamp, value: Double) {
        self.series = series
        self.labels = labels
        self.timestamp = timestamp
        self.value = value
    }

    /// True when the sample is a gap (its value is `NaN`).
    public var isGap: Bool { value.isNaN }
}
