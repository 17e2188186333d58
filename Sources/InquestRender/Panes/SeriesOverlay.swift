import InquestCore
import InquestText
import InquestViewModel

/// The `M` overlay: the stored metric series as a filterable list (name, service, other labels,
/// samples), or, after Enter, the chosen series' heading and chart (``SeriesChart``) over the
/// timeline's time range.
enum SeriesOverlay {
    static func draw(_ state: CanvasState, into buffer: inout CellBuffer) {
        guard let overlay = state.seriesOverlay else { return }
        let rect = OverlayGeometry.centred(width: buffer.width - 4, height: buffer.height - 2, in: buffer)
        buffer.fill(rect, with: Cell(grapheme: " ", role: StyleRole.base))
        let title = overlay.chartedID == nil
            ? "Metric series — type to filter, Enter charts, ESC closes"
            : "Metric series — ↑/↓ other series, ESC back to the list"
        buffer.box(rect, title: title, role: StyleRole.overlayBorder, titleRole: StyleRole.helpTitle)
        let inner = rect.inset(by: 1)
        guard inner.width > 10, inner.height > 2 else { return }
        if overlay.chartedID != nil {
            drawChart(overlay, state: state, in: inner, into: &buffer)
        } else {
            drawList(overlay, in: inner, into: &buffer)
        }
    }

    private static func drawList(_ overlay: SeriesOverlayState, in inner: Rect, into buffer: inout CellBuffer) {
        let x = inner.x + 1
        let width = inner.width - 2
        let matches = overlay.matches
        let count = overlay.all.map { " \(matches.count) of \($0.count)" } ?? ""
        let field = Rect(x: x, y: inner.y, width: max(1, width - DisplayWidth.of(count)), height: 1)
        FilterBarView.drawField(prefix: "filter: ", field: overlay.query, in: field, into: &buffer)
        buffer.put(count, x: field.maxX, y: inner.y, maxWidth: width - field.width, role: StyleRole.dim)
        guard let all = overlay.all else {
            buffer.put("Reading the stored series…", x: x, y: inner.y + 2, maxWidth: width, role: StyleRole.dim)
            return
        }
        guard !all.isEmpty else {
            buffer.put("No metric series stored yet.", x: x, y: inner.y + 2, maxWidth: width, role: StyleRole.helpText)
            buffer.put(
                "Ingest a metric CSV or Prometheus text file, or watch a scrape feed.", x: x, y: inner.y + 3, maxWidth: width,
                role: StyleRole.dim)
            return
        }
        guard !matches.isEmpty else {
            buffer.put("No series matches the filter.", x: x, y: inner.y + 2, maxWidth: width, role: StyleRole.helpText)
            return
        }
        let columns = Columns(width: width)
        buffer.put(columns.row("SERIES", "SERVICE", "LABELS", "SAMPLES"), x: x, y: inner.y + 1, maxWidth: width, role: StyleRole.helpGroup)
        let visible = inner.height - 2
        let scroll = max(0, min(overlay.scroll, matches.count - visible))
        for row in 0..<max(0, visible) {
            let index = scroll + row
            guard index < matches.count else { break }
            let series = matches[index]
            let text = columns.row(series.name, series.service ?? "", series.otherLabelsText, String(series.sampleCount))
            let role = index == overlay.selected ? StyleRole.selection : StyleRole.helpText
            if index == overlay.selected { buffer.fill(Rect(x: inner.x, y: inner.y + 2 + row, width: inner.width, height: 1), with: Cell(grapheme: " ", role: role)) }
            buffer.put(text, x: x, y: inner.y + 2 + row, maxWidth: width, role: role)
        }
    }

    private static func drawChart(_ overlay: SeriesOverlayState, state: CanvasState, in inner: Rect, into buffer: inout CellBuffer) {
        let x = inner.x + 1
        let width = inner.width - 2
        guard let excerpt = overlay.chart else {
            let name = overlay.selectedSeries?.name ?? "the series"
            buffer.put("Reading the samples of \(name)…", x: x, y: inner.y, maxWidth: width, role: StyleRole.dim)
            return
        }
        let heading = SeriesChartLines.heading(excerpt)
        let offset = state.timeline.timeMode == .local ? state.localOffsetSeconds : 0
        let chart = SeriesChart.lines(excerpt, width: width, height: inner.height - heading.count - 1, offsetSeconds: offset)
        var y = inner.y
        for line in heading + [[]] + chart where y < inner.maxY {
            var column = x
            for span in line {
                column += buffer.put(span.text, x: column, y: y, maxWidth: x + width - column, role: StyleRole.detail(span.kind))
            }
            y += 1
        }
    }

    /// The list's columns: series name, service, other labels, sample count (right-aligned).
    struct Columns {
        let name: Int
        let service: Int
        let labels: Int
        static let samples = 8

        init(width: Int) {
            let rest = max(0, width - Self.samples - 3)
            name = rest * 2 / 5
            service = rest / 5
            labels = max(0, rest - name - service)
        }

        func row(_ name: String, _ service: String, _ labels: String, _ samples: String) -> String {
            func cell(_ text: String, _ width: Int) -> String {
                DisplayWidth.pad(DisplayWidth.truncate(TextSanitizer.singleLine(text), to: width), to: width)
            }
            let count = String(samples.suffix(Self.samples))
            return cell(name, self.name) + " " + cell(service, self.service) + " " + cell(labels, self.labels) + " "
                + String(repeating: " ", count: max(0, Self.samples - count.count)) + count
        }
    }
}
