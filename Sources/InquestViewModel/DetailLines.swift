import InquestCore
import InquestText

/// What a piece of the details text is, so the renderer can colour it by role.
public enum DetailSpanKind: String, Sendable, Hashable {
    case section, key, value, raw
    case jsonKey, jsonString, jsonNumber, jsonLiteral, jsonPunctuation
    /// A span of the trace tree; the failed one; the selected event's one; its duration bar.
    case span, spanError, spanSelected, spanBar
    /// A key hint (`[f: filter on it]`): drawn like the key column, and never split by wrapping.
    case hint
    /// A chart's axes and their labels; its plotted line; the line inside the marked range (an
    /// anomaly episode); the stretches without data (see ``SeriesChart``).
    case chartAxis, chartPlot, chartMarked, chartGap
}

/// A run of text of one kind within a details line. ``DetailLines`` sanitises every span
/// (``TextSanitizer/singleLine(_:)``), so its width is what the renderer draws.
public struct DetailSpan: Sendable, Hashable {
    /// The text of the run.
    public var text: String
    /// What the text is.
    public var kind: DetailSpanKind

    public init(_ text: String, _ kind: DetailSpanKind) {
        self.text = text
        self.kind = kind
    }
}

/// The details pane's content as lines of coloured spans: every field of the event, the
/// attributes pretty-printed, the raw record, its links and notes. Pure, so the reducer
/// can clamp scrolling and tests can check the content without drawing.
public enum DetailLines {
    /// The lines, wrapped to `width` columns of display width (``DisplayWidth``) when given;
    /// continuations keep the line's indentation. ``DetailState`` keeps the result, so
    /// scrolling and drawing read the same lines.
    public static func build(_ detail: EventDetail, width: Int?) -> [[DetailSpan]] {
        let lines = build(detail, chartWidth: width ?? defaultChartWidth)
        guard let width, width > 8 else { return lines }
        return lines.flatMap { wrap($0, width: width) }
    }

    /// The key hint after a trace id (or a request id when there is no trace).
    static let filterHint = "[f: filter on it]"

    /// The width of a series chart when the lines are not wrapped to a pane.
    public static let defaultChartWidth = 72
    /// The height of a series chart in the pane (plot rows plus the two axis lines).
    public static let chartHeight = 10

    /// The unwrapped lines, every span sanitised; a series chart is `chartWidth` columns wide.
    public static func build(_ detail: EventDetail, chartWidth: Int = defaultChartWidth) -> [[DetailSpan]] {
        unsanitisedLines(detail, chartWidth: chartWidth).map { line in line.map { DetailSpan(TextSanitizer.singleLine($0.text), $0.kind) } }
    }

    private static func unsanitisedLines(_ detail: EventDetail, chartWidth: Int) -> [[DetailSpan]] {
        let event = detail.event
        var lines: [[DetailSpan]] = []
        func field(_ key: String, _ value: String?, hint: String? = nil) {
            guard let value, !value.isEmpty else { return }
            let pieces = value.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                let label = index == 0 ? key.padding(to: 10) : String(repeating: " ", count: 10)
                var line = [DetailSpan(label, .key), DetailSpan(String(piece), .value)]
                if let hint, index == pieces.count - 1 { line += [DetailSpan("   ", .value), DetailSpan(hint, .hint)] }
                lines.append(line)
            }
        }
        lines.append([DetailSpan("Event #\(event.id.map(String.init) ?? "?")", .section)])
        field("time", event.timestamp.iso8601)
        if event.timestampText != event.timestamp.iso8601 { field("written", event.timestampText) }
        field("quality", event.timeQuality.explanation)
        field("source", event.sourceKind.rawValue + " · " + event.sourceName)
        field("severity", event.severity.name + (event.levelText.map { " (\($0))" } ?? ""))
        field("service", event.service)
        field("host", event.host)
        field("message", event.message)
        field("trace", event.traceID, hint: filterHint)
        field("span", event.spanID)
        field("request", event.requestID, hint: event.traceID == nil ? filterHint : nil)
        field("starred", detail.isStarred ? "★ yes" : nil)
        field("tags", detail.tags.isEmpty ? nil : detail.tags.map { "#" + $0 }.joined(separator: " "))
        if let template = detail.template {
            let shared = detail.templateEventCount == 1 ? "1 event" : "\(detail.templateEventCount) events"
            field("template", template.text, hint: "#\(template.id) · \(shared)")
        }
        if let series = detail.series {
            lines.append([])
            lines += SeriesChartLines.heading(series)
            lines += SeriesChart.lines(series, width: chartWidth, height: chartHeight)
        }
        if let trace = detail.trace, !trace.lines.isEmpty {
            lines.append([])
            lines += TraceTreeLines.build(trace)
        }
        let attributes = event.attributesJSON.trimmingWhitespace
        if !attributes.isEmpty && attributes != "{}" {
            lines.append([])
            lines.append([DetailSpan("Attributes", .section)])
            lines += JSONPretty.lines(attributes).map { [DetailSpan("  ", .value)] + $0 }
        }
        if !event.raw.isEmpty {
            lines.append([])
            lines.append([DetailSpan("Raw", .section)])
            let text = String(decoding: event.raw, as: UTF8.self)
            for piece in text.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append([DetailSpan("  " + piece, .raw)])
            }
        }
        if !detail.links.isEmpty {
            lines.append([])
            lines.append([DetailSpan("Links", .section)])
            for link in detail.links {
                var text = "investigation #\(link.investigationID) by \(link.linkedBy) at \(link.linkedAt.iso8601)"
                if let reason = link.reason, !reason.isEmpty { text += " — " + reason }
                lines.append([DetailSpan("  " + text, .value)])
            }
        }
        if !detail.notes.isEmpty {
            lines.append([])
            lines.append([DetailSpan("Notes", .section)])
            for note in detail.notes {
                lines.append([DetailSpan("  \(note.author) \(note.createdAt.iso8601)", .key)])
                for piece in note.body.split(separator: "\n", omittingEmptySubsequences: false) {
                    lines.append([DetailSpan("    " + piece, .value)])
                }
            }
        }
        return lines
    }
}

extension DetailLines {
    /// Splits a line of sanitised spans so none is wider than `width`; continuation lines start with
    /// the leading whitespace of the original line (at most half the width). A line breaks at
    /// its last space past the key's label, so words stay whole and a hint moves to the next
    /// line whole; a run without spaces wider than the room (ids, hashes, JSON) is cut where
    /// the room ends.
    static func wrap(_ line: [DetailSpan], width: Int) -> [[DetailSpan]] {
        var cells: [(character: Character, kind: DetailSpanKind, columns: Int)] = []
        for span in line {
            for character in span.text { cells.append((character, span.kind, DisplayWidth.of(character))) }
        }
        let total = cells.reduce(0) { $0 + $1.columns }
        guard total > width else { return [line] }
        let leading = line.first.map { span in span.text.prefix { $0 == " " }.count } ?? 0
        let indent = min(leading == 0 && line.count > 1 && line[0].kind == .key ? line[0].text.count : leading, width / 2)
        let ranges = WordWrap.ranges(
            columns: cells.map(\.columns),
            isBreak: { cells[$0].character == " " && cells[$0].kind != .hint },
            room: { $0 == 0 ? width : width - indent },
            keep: indent)
        var result: [[DetailSpan]] = []
        for range in ranges {
            var spans: [DetailSpan] = result.isEmpty ? [] : [DetailSpan(String(repeating: " ", count: indent), .value)]
            let firstOwn = spans.count
            for cell in cells[range] {
                if spans.count > firstOwn, let last = spans.indices.last, spans[last].kind == cell.kind {
                    spans[last].text.append(cell.character)
                } else {
                    spans.append(DetailSpan(String(cell.character), cell.kind))
                }
            }
            result.append(spans)
        }
        return result
    }
}

extension String {
    /// The string padded with spaces to `width` characters (not truncated).
    func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
