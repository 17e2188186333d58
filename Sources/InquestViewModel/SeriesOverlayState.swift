import InquestCore

/// The `M` overlay: the stored metric series, filtered by what the user types (name, label or
/// service, see ``MetricSeriesInfo/matches(_:)``), and the chart of the one chosen with Enter
/// over the time range the timeline shows.
public struct SeriesOverlayState: Sendable, Hashable {
    /// The filter as typed.
    public var query: TextField
    /// Every stored series; nil until the list arrives.
    public var all: [MetricSeriesInfo]?
    /// The selected row of ``matches``.
    public var selected: Int
    /// First visible row of ``matches``.
    public var scroll: Int
    /// The range charts span: the timeline's time range when the overlay opened (nil: each
    /// series' own extent).
    public var range: Range<Timestamp>?
    /// The series being charted (Enter on a row); nil while the list shows.
    public var chartedID: Int64?
    /// The charted series' samples once loaded.
    public var chart: MetricSeriesExcerpt?

    public init(
        query: TextField = TextField(), all: [MetricSeriesInfo]? = nil, selected: Int = 0, scroll: Int = 0,
        range: Range<Timestamp>? = nil, chartedID: Int64? = nil, chart: MetricSeriesExcerpt? = nil
    ) {
        self.query = query
        self.all = all
        self.selected = selected
        self.scroll = scroll
        self.range = range
        self.chartedID = chartedID
        self.chart = chart
    }

    /// The series matching the query, in the store's order (name, then labels).
    public var matches: [MetricSeriesInfo] {
        (all ?? []).filter { $0.matches(query.text) }
    }

    /// The selected series, if any matches.
    public var selectedSeries: MetricSeriesInfo? {
        let matches = matches
        return matches.indices.contains(selected) ? matches[selected] : nil
    }
}
