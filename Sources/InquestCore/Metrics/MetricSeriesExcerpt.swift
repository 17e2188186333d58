/// The samples of one series over a time range, with an optional marked range (an anomaly
/// episode): what a chart of the series draws.
public struct MetricSeriesExcerpt: Sendable, Hashable {
    /// The series.
    public var series: MetricSeriesInfo
    /// The time range the chart spans (samples outside it are not in ``samples``).
    public var range: Range<Timestamp>
    /// The samples in ``range``, in time order (gaps as `NaN` values).
    public var samples: [StoredSample]
    /// A range to mark on the chart (the episode the event is about), if any.
    public var marked: ClosedRange<Timestamp>?

    /// Creates an excerpt.
    public init(series: MetricSeriesInfo, range: Range<Timestamp>, samples: [StoredSample], marked: ClosedRange<Timestamp>? = nil) {
        self.series = series
        self.range = range
        self.samples = samples
        self.marked = marked
    }
}
