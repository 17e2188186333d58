import InquestCore

extension CanvasReducer {
    /// `series`: opens the series overlay (and loads the list) or closes it. Charts span the
    /// density strip's range (the time the timeline shows), else the matching events' range.
    static func toggleSeriesOverlay(_ state: inout CanvasState) -> [CanvasEffect] {
        if state.seriesOverlay != nil { return closeSeriesOverlay(&state) }
        state.seriesOverlay = SeriesOverlayState(range: timelineRange(state))
        return [.loadSeriesList(requestID: state.issueRequestID(\.seriesList))]
    }

    /// The time range the timeline shows: the density strip's, else oldest to newest matching event.
    static func timelineRange(_ state: CanvasState) -> Range<Timestamp>? {
        if let from = state.density.from, let to = state.density.to, from < to { return from..<to }
        if let oldest = state.timeline.oldest, let newest = state.timeline.newest, oldest <= newest {
            return oldest..<newest.advanced(saturating: 1)
        }
        return nil
    }

    static func closeSeriesOverlay(_ state: inout CanvasState) -> [CanvasEffect] {
        state.seriesOverlay = nil
        state.pending.seriesList = nil
        state.pending.seriesChart = nil
        return []
    }

    /// A key while the series overlay is open, as its `[series]` keymap section binds it: move,
    /// chart the selected series (Enter), back to the list or close (ESC); other keys edit the filter.
    static func seriesKey(_ state: inout CanvasState, _ key: KeyPress, _ invocation: CommandInvocation?) -> [CanvasEffect] {
        guard var overlay = state.seriesOverlay else { return [] }
        let count = overlay.matches.count
        let page = max(1, state.height - 8)
        switch invocation?.command {
        case .overlayClose:
            guard overlay.chartedID != nil else { return closeSeriesOverlay(&state) }
            overlay.chartedID = nil
            overlay.chart = nil
            state.pending.seriesChart = nil
            state.seriesOverlay = overlay
            return []
        case .overlaySubmit:
            guard let series = overlay.selectedSeries else {
                state.status = StatusMessage(.error, "No series matches \"\(overlay.query.text)\" — edit the filter")
                return []
            }
            state.seriesOverlay = overlay
            return chartSeries(&state, series)
        case .seriesDown: overlay.selected += 1
        case .seriesUp: overlay.selected -= 1
        case .seriesPageDown: overlay.selected += page
        case .seriesPageUp: overlay.selected -= page
        case .seriesFirst: overlay.selected = 0
        case .seriesLast: overlay.selected = count - 1
        case .some:
            return []
        case nil:
            guard overlay.chartedID == nil, overlay.query.apply(key) else { return [] }
            overlay.selected = 0
            overlay.scroll = 0
        }
        overlay.selected = max(0, min(overlay.selected, count - 1))
        overlay.scroll = max(0, min(overlay.scroll, overlay.selected), overlay.selected - page + 1)
        state.seriesOverlay = overlay
        // Moving while a chart shows charts the newly selected series.
        if overlay.chartedID != nil, let series = overlay.selectedSeries, series.id != overlay.chartedID {
            return chartSeries(&state, series)
        }
        return []
    }

    /// Asks for the samples of `series` over the overlay's range (its own extent without one),
    /// widened about its middle to ``minimumChartIntervals`` of the series' mean sampling interval
    /// when shorter (a timeline narrowed to a few events spans too little to draw a line).
    static func chartSeries(_ state: inout CanvasState, _ series: MetricSeriesInfo) -> [CanvasEffect] {
        guard var overlay = state.seriesOverlay else { return [] }
        let range = overlay.range.map { widened($0, toShow: series) } ?? ownExtent(series)
        overlay.chartedID = series.id
        overlay.chart = nil
        state.seriesOverlay = overlay
        return [.loadSeriesExcerpt(requestID: state.issueRequestID(\.seriesChart), series: series, range: range)]
    }

    /// A chart spans at least this many of its series' mean sampling intervals.
    static let minimumChartIntervals: Int64 = 20

    static func widened(_ range: Range<Timestamp>, toShow series: MetricSeriesInfo) -> Range<Timestamp> {
        guard let first = series.first, let last = series.last, series.sampleCount > 1 else { return range }
        let interval = Timestamp.span(from: first, to: last) / Int64(series.sampleCount - 1)
        let wanted = interval.multipliedReportingOverflow(by: minimumChartIntervals)
        let length = Timestamp.span(from: range.lowerBound, to: range.upperBound)
        guard !wanted.overflow, length < wanted.partialValue else { return range }
        let middle = range.lowerBound.advanced(saturating: length / 2)
        let lower = middle.advanced(saturating: -wanted.partialValue / 2)
        return lower..<lower.advanced(saturating: wanted.partialValue)
    }

    /// From the series' first sample to just past its last (a nanosecond when it has none).
    static func ownExtent(_ series: MetricSeriesInfo) -> Range<Timestamp> {
        let first = series.first ?? Timestamp(nanoseconds: 0)
        let last = max(first, series.last ?? first)
        return first..<last.advanced(saturating: 1)
    }

    static func seriesListLoaded(_ state: inout CanvasState, requestID: Int, _ list: [MetricSeriesInfo]) -> [CanvasEffect] {
        guard requestID == state.pending.seriesList, var overlay = state.seriesOverlay else { return [] }
        state.pending.seriesList = nil
        overlay.all = list
        overlay.selected = max(0, min(overlay.selected, overlay.matches.count - 1))
        state.seriesOverlay = overlay
        return []
    }

    static func seriesExcerptLoaded(_ state: inout CanvasState, requestID: Int, _ excerpt: MetricSeriesExcerpt) -> [CanvasEffect] {
        guard requestID == state.pending.seriesChart, var overlay = state.seriesOverlay, overlay.chartedID == excerpt.series.id else {
            return []
        }
        state.pending.seriesChart = nil
        overlay.chart = excerpt
        state.seriesOverlay = overlay
        return []
    }
}
