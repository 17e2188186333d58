import Foundation
import InquestCore
import InquestText

/// Breakdowns, compares and trace breakdowns as aligned text, for `inquest stats --by` and the
/// canvas's breakdown overlay: numbers first (right-aligned), then the group's labels, the last
/// of which (often a template) takes what width is left. Labels are untrusted and sanitised.
public enum BreakdownTable {
    /// A table: a header line and one line per row, in the result's order.
    public struct Lines: Sendable, Hashable {
        public var header: String
        public var rows: [String]
    }

    /// The lines of a breakdown: events, share, errors, then the labels.
    public static func lines(_ breakdown: Breakdown, maxWidth: Int? = nil) -> Lines {
        let header = ["EVENTS", "SHARE", "ERRORS"]
        let cells = breakdown.rows.map { row in
            [grouped(row.count.events), percent(row.share), grouped(row.count.errors)]
        }
        return layout(header: header, numbers: cells, labels: breakdown.rows.map(\.key), dimensions: breakdown.dimensions, maxWidth: maxWidth)
    }

    /// The lines of a compare: events now and before, the change of rate, the error share now
    /// and before, then the labels.
    public static func lines(_ comparison: BreakdownComparison, maxWidth: Int? = nil) -> Lines {
        let header = ["NOW", "BEFORE", "CHANGE", "ERR NOW", "ERR BEFORE"]
        let cells = comparison.rows.map { row in
            [grouped(row.window.events), grouped(row.baseline.events), change(row),
             percent(row.window.errorShare, empty: row.window.events == 0),
             percent(row.baseline.errorShare, empty: row.baseline.events == 0)]
        }
        return layout(header: header, numbers: cells, labels: comparison.rows.map(\.key), dimensions: comparison.dimensions, maxWidth: maxWidth)
    }

    /// The lines of a trace breakdown: per service, spans, error spans and p50/p90/p99 now,
    /// then the baseline's spans, errors and p99, then the service. Narrower than 100 columns,
    /// p90 and the baseline's errors are left out so the service stays in sight.
    public static func lines(_ traces: TraceBreakdown, maxWidth: Int? = nil) -> Lines {
        let compact = (maxWidth ?? Int.max) < 100
        let header = compact
            ? ["SPANS", "ERRORS", "P50", "P99", "BEFORE", "P99 BEFORE"]
            : ["SPANS", "ERRORS", "P50", "P90", "P99", "BEFORE", "ERR", "P99 BEFORE"]
        let cells = traces.rows.map { row in
            let now = row.window
            let before = row.baseline
            return compact
                ? [grouped(now.spans), grouped(now.errorSpans), latency(now.p50, now.spans), latency(now.p99, now.spans),
                   grouped(before.spans), latency(before.p99, before.spans)]
                : [grouped(now.spans), grouped(now.errorSpans), latency(now.p50, now.spans), latency(now.p90, now.spans),
                   latency(now.p99, now.spans), grouped(before.spans), grouped(before.errorSpans), latency(before.p99, before.spans)]
        }
        let labels = traces.rows.map { BreakdownKey(dimensions: [.service], values: [.text($0.service)]) }
        return layout(header: header, numbers: cells, labels: labels, dimensions: [.service], maxWidth: maxWidth)
    }

    /// `new`, `gone`, or the rate ratio (`×2.5`, `×0.40`).
    public static func change(_ row: BreakdownComparisonRow) -> String {
        if row.isNew { return "new" }
        if row.isGone { return "gone" }
        guard let ratio = row.rateRatio else { return "-" }
        return ratio >= 10 ? String(format: "×%.0f", ratio) : ratio >= 1 ? String(format: "×%.1f", ratio) : String(format: "×%.2f", ratio)
    }

    /// A count with thousands separators (`1,234,567`), the same in every locale.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }

    static func percent(_ fraction: Double, empty: Bool = false) -> String {
        if empty { return "-" }
        let value = fraction * 100
        return value >= 10 || value == 0 ? String(format: "%.0f%%", value) : String(format: "%.1f%%", value)
    }

    static func latency(_ nanoseconds: Int64, _ spans: Int) -> String {
        spans == 0 ? "-" : TraceTreeLines.milliseconds(nanoseconds)
    }

    private static func layout(
        header numberHeader: [String], numbers: [[String]], labels: [BreakdownKey], dimensions: [BreakdownDimension], maxWidth: Int?
    ) -> Lines {
        let labelHeader = dimensions.map { $0.name.uppercased() }
        let labelCells = labels.map { key in key.labels.map { TextSanitizer.singleLine($0) } }
        let numberWidths = numberHeader.indices.map { column in
            ([numberHeader[column]] + numbers.map { $0[column] }).map(DisplayWidth.of).max() ?? 0
        }
        // Label columns but the last are padded to their widest cell, at most 40 columns.
        let labelWidths = labelHeader.indices.map { column in
            min(40, ([labelHeader[column]] + labelCells.map { $0[column] }).map(DisplayWidth.of).max() ?? 0)
        }
        func line(_ numberCells: [String], _ labelCells: [String]) -> String {
            var parts = numberCells.indices.map { column in
                String(repeating: " ", count: max(0, numberWidths[column] - DisplayWidth.of(numberCells[column]))) + numberCells[column]
            }
            for column in labelCells.indices {
                let isLast = column == labelCells.count - 1
                parts.append(isLast ? labelCells[column] : DisplayWidth.pad(labelCells[column], to: labelWidths[column]))
            }
            let text = parts.joined(separator: "  ")
            guard let maxWidth else { return text }
            return DisplayWidth.truncate(text, to: max(0, maxWidth))
        }
        return Lines(header: line(numberHeader, labelHeader), rows: zip(numbers, labelCells).map { line($0, $1) })
    }
}
