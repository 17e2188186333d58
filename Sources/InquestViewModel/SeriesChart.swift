import Foundation
import InquestCore
import InquestText

/// Draws a metric series as lines of text: braille dots (2×4 per cell) for the values, a
/// y-axis labelled with the largest and smallest value (and the middle one when there is room)
/// in the series' unit (``MetricUnit``), and an x-axis with times under it.
///
/// - The x-axis spans the excerpt's range exactly, so charts of one range line up with each
///   other and with the timeline's density strip.
/// - Consecutive samples are joined by a line unless a gap lies between them: a `NaN` sample,
///   or more than 2.5 times the usual interval without one (and the range's ends before the
///   first and after the last sample, when that long). Gaps draw no dots and `╌` on the x-axis.
/// - The marked range (an anomaly episode) draws its dots in the marked kind and `━` on the
///   x-axis, with its start time under it when there is room.
///
/// Pure: the same excerpt and size give the same lines, each at most `width` columns wide,
/// at most `height` lines.
public enum SeriesChart {
    /// The smallest plot drawn, in cells; a smaller size gives one line saying so.
    public static let minimumPlotColumns = 8
    public static let minimumPlotRows = 2

    /// The chart of `excerpt` in `width` × `height` cells; times are shown `offsetSeconds` east of UTC.
    public static func lines(_ excerpt: MetricSeriesExcerpt, width: Int, height: Int, offsetSeconds: Int64 = 0) -> [[DetailSpan]] {
        let lower = excerpt.range.lowerBound.nanoseconds
        let upper = excerpt.range.upperBound.nanoseconds
        let inRange = excerpt.samples.filter { $0.timestamp.nanoseconds >= lower && $0.timestamp.nanoseconds < upper }
        let values = inRange.map(\.value).filter(\.isFinite)
        guard let low = values.min(), let high = values.max(), upper > lower else {
            let span = "\(clock(excerpt.range.lowerBound, offsetSeconds, seconds: true))–\(clock(excerpt.range.upperBound, offsetSeconds, seconds: true))"
            return [[DetailSpan(fit("no samples of this series in \(span)", width), .chartGap)]]
        }
        let unit = MetricUnit.of(excerpt.series.name)
        let plotRows = height - 2
        let labelRows = labelRows(plotRows: plotRows)
        let labels = labelRows.map { row in label(valueAt(row: row, rows: plotRows, low: low, high: high), unit: unit) }
        let labelWidth = labels.map { DisplayWidth.of($0) }.max() ?? 0
        let columns = width - labelWidth - 2
        guard columns >= minimumPlotColumns, plotRows >= minimumPlotRows else {
            return [[DetailSpan(fit("(too small for a chart)", width), .chartGap)]]
        }
        let plot = SeriesPlot(
            samples: inRange, lower: lower, upper: upper, marked: excerpt.marked, columns: columns, rows: plotRows,
            low: low, high: high)
        var lines: [[DetailSpan]] = []
        for row in 0..<plotRows {
            var line: [DetailSpan] = []
            if let index = labelRows.firstIndex(of: row) {
                line.append(DetailSpan(String(repeating: " ", count: labelWidth - DisplayWidth.of(labels[index])) + labels[index] + " ┤", .chartAxis))
            } else {
                line.append(DetailSpan(String(repeating: " ", count: labelWidth) + " │", .chartAxis))
            }
            line += merged((0..<columns).map { column in (plot.cell(row: row, column: column), plotKind(plot.columnKinds[column])) })
            lines.append(line)
        }
        let axis = (0..<columns).map { column -> (Character, DetailSpanKind) in
            switch plot.columnKinds[column] {
            case .marked: ("━", .chartMarked)
            case .gap: ("╌", .chartGap)
            case .data: ("─", .chartAxis)
            }
        }
        lines.append([DetailSpan(String(repeating: " ", count: labelWidth) + " └", .chartAxis)] + merged(axis))
        lines.append(timeAxis(
            excerpt: excerpt, plot: plot, indent: labelWidth + 2, columns: columns, offsetSeconds: offsetSeconds))
        return lines
    }

    /// The plot rows that carry a value label: the top and bottom, and the middle from 5 rows.
    static func labelRows(plotRows: Int) -> [Int] {
        guard plotRows >= 2 else { return [0] }
        return plotRows >= 5 ? [0, plotRows / 2, plotRows - 1] : [0, plotRows - 1]
    }

    /// The value at the vertical middle of a plot row's dots (the top row's top dot is `high`,
    /// the bottom row's bottom dot `low`).
    static func valueAt(row: Int, rows: Int, low: Double, high: Double) -> Double {
        let dots = rows * 4
        guard dots > 1, high > low else { return low }
        if row == 0 { return high }
        if row == rows - 1 { return low }
        let fromBottom = Double(dots - 1) - (Double(row * 4) + 1.5)
        return low + (high - low) * fromBottom / Double(dots - 1)
    }

    /// A value with 4 significant digits (`k`, `M`, `G` for large ones) and the unit after it.
    static func label(_ value: Double, unit: String?) -> String {
        let magnitude = abs(value)
        let number: String
        switch magnitude {
        case 1e9...: number = String(format: "%.3gG", value / 1e9)
        case 1e6...: number = String(format: "%.3gM", value / 1e6)
        case 1e4...: number = String(format: "%.3gk", value / 1e3)
        default: number = String(format: "%.4g", value)
        }
        guard let unit else { return number }
        return number + " " + TextSanitizer.singleLine(unit)
    }

    /// The time labels under the x-axis: the range's start and end, the marked range's start,
    /// and the middle, each placed only where it overlaps none placed before it.
    static func timeAxis(
        excerpt: MetricSeriesExcerpt, plot: SeriesPlot, indent: Int, columns: Int, offsetSeconds: Int64
    ) -> [DetailSpan] {
        let span = excerpt.range.upperBound.nanoseconds - excerpt.range.lowerBound.nanoseconds
        let seconds = span < 120_000_000_000
        var cells = [Character](repeating: " ", count: columns)
        var kinds = [DetailSpanKind](repeating: .chartAxis, count: columns)
        var taken = [Bool](repeating: false, count: columns)
        func place(_ text: String, at start: Int, kind: DetailSpanKind) {
            let characters = Array(text)
            guard start >= 0, start + characters.count <= columns else { return }
            let from = max(0, start - 1)
            let to = min(columns, start + characters.count + 1)
            guard !taken[from..<to].contains(true) else { return }
            for (offset, character) in characters.enumerated() {
                cells[start + offset] = character
                kinds[start + offset] = kind
                taken[start + offset] = true
            }
        }
        let first = clock(excerpt.range.lowerBound, offsetSeconds, seconds: seconds)
        let last = clock(excerpt.range.upperBound, offsetSeconds, seconds: seconds)
        place(first, at: 0, kind: .chartAxis)
        place(last, at: columns - last.count, kind: .chartAxis)
        if let marked = excerpt.marked, let column = plot.columnKinds.firstIndex(of: .marked) {
            place("▲" + clock(marked.lowerBound, offsetSeconds, seconds: seconds), at: column, kind: .chartMarked)
        }
        let middle = Timestamp(nanoseconds: excerpt.range.lowerBound.nanoseconds + span / 2)
        let middleText = clock(middle, offsetSeconds, seconds: seconds)
        place(middleText, at: columns / 2 - middleText.count / 2, kind: .chartAxis)
        return [DetailSpan(String(repeating: " ", count: indent), .chartAxis)] + merged(Array(zip(cells, kinds)))
    }

    /// `HH:MM` (or `HH:MM:SS`), shifted `offsetSeconds` east of UTC.
    static func clock(_ time: Timestamp, _ offsetSeconds: Int64, seconds: Bool) -> String {
        let text = TimestampFormatter.clock(time, offsetSeconds: offsetSeconds, milliseconds: false)
        return seconds ? text : String(text.prefix(5))
    }

    static func plotKind(_ kind: SeriesPlot.ColumnKind) -> DetailSpanKind {
        switch kind {
        case .data: .chartPlot
        case .marked: .chartMarked
        case .gap: .chartGap
        }
    }

    /// Runs of characters of one kind joined into spans.
    static func merged(_ cells: [(Character, DetailSpanKind)]) -> [DetailSpan] {
        var spans: [DetailSpan] = []
        for (character, kind) in cells {
            if let last = spans.indices.last, spans[last].kind == kind {
                spans[last].text.append(character)
            } else {
                spans.append(DetailSpan(String(character), kind))
            }
        }
        return spans
    }

    static func fit(_ text: String, _ width: Int) -> String {
        DisplayWidth.truncate(text, to: max(0, width))
    }
}
