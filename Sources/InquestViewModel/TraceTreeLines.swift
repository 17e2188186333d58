import Foundation
import InquestCore
import InquestText

/// The details-pane lines of a ``TraceTree``: a heading, then one line per span —
/// `✗` (failed) or `▶` (the selected event's span) marker, indented operation, service, a duration bar placed on the trace's time
/// axis, and the duration in ms.
public enum TraceTreeLines {
    /// Columns of the duration bar.
    static let barWidth = 16
    /// Columns the indented operation name is padded/truncated to.
    static let nameWidth = 28

    /// The heading and one line per span.
    public static func build(_ trace: TraceTree) -> [[DetailSpan]] {
        let total = trace.totalDuration
        let errors = trace.lines.filter(\.isError).count
        var heading = "Trace \(trace.traceID) · \(trace.lines.count) span\(trace.lines.count == 1 ? "" : "s") · \(milliseconds(total))"
        if errors > 0 { heading += " · \(errors) failed" }
        var lines: [[DetailSpan]] = [[DetailSpan(heading, .section)]]
        for line in trace.lines {
            let selected = line.spanID == trace.selectedSpanID
            let marker = line.isError ? "✗ " : selected ? "▶ " : "  "
            let kind: DetailSpanKind = selected ? .spanSelected : line.isError ? .spanError : .span
            let indent = String(repeating: "  ", count: min(line.depth, 8))
            let name = fit(indent + line.operation, nameWidth)
            lines.append([
                DetailSpan(" " + marker, line.isError ? .spanError : kind),
                DetailSpan(name, kind),
                DetailSpan(" " + fit(line.service, 14) + " ", .key),
                DetailSpan(bar(offset: line.offset, duration: line.duration, total: total), .spanBar),
                DetailSpan(" " + milliseconds(line.duration), .value),
            ])
        }
        return lines
    }

    /// `·` for time outside the span, `=` inside; at least one `=` for a span of any length.
    static func bar(offset: Int64, duration: Int64, total: Int64) -> String {
        let scale = Double(barWidth) / Double(max(1, total))
        let start = min(barWidth - 1, max(0, Int(Double(offset) * scale)))
        let length = max(1, min(barWidth - start, Int((Double(duration) * scale).rounded())))
        return String(repeating: "·", count: start) + String(repeating: "=", count: length)
            + String(repeating: "·", count: barWidth - start - length)
    }

    static func milliseconds(_ nanoseconds: Int64) -> String {
        let ms = Double(nanoseconds) / 1_000_000
        return ms >= 100 ? String(format: "%.0f ms", ms) : ms >= 1 ? String(format: "%.1f ms", ms) : String(format: "%.3f ms", ms)
    }

    /// Pads with spaces or cuts with `…` to exactly `width` display columns.
    static func fit(_ text: String, _ width: Int) -> String {
        DisplayWidth.pad(text, to: width)
    }
}
