import ArgumentParser
import Foundation
import InquestCore
import InquestReport
import InquestStore
import InquestText
import InquestViewModel

/// `inquest stats --by …` / `--traces`: reads the breakdown, compare or trace breakdown and prints it.
struct StatsBreakdownRun {
    let command: StatsCommand

    func run() throws {
        let parsed: Filter
        do {
            parsed = try Filter.parse(command.filter)
        } catch {
            throw CLIFailure("bad filter:\n" + error.rendered(for: command.filter))
        }
        let now = Timestamp.now()
        let database = try command.store.openForReading()
        let sql = FilterSQLCompiler.compile(parsed, now: now)
        command.store.catchUpFullText(for: sql, in: database)
        do {
            if command.compare && !command.window.namesWindow {
                throw CLIFailure("--compare needs a window: --since 15m, or --after TIME [--before TIME] (the baseline is the window just before it)")
            }
            let needsExtent = command.window.since == nil && (command.window.after == nil || command.window.before == nil)
            let extent = needsExtent ? try extent(sql, parsed: parsed, database: database) : nil
            guard let window = try command.window.window(now: now, extent: extent) else {
                print("no events match")
                return
            }
            let baseline = try command.window.baseline(for: window, now: now)
            let output = BufferedOutput()
            if let by = command.by, let dimensions = BreakdownDimension.list(parsing: by) {
                if command.compare {
                    let comparison = try database.comparison(sql, by: dimensions, in: window, baseline: baseline, limit: command.limit)
                    write(comparison, filter: parsed, to: output)
                } else {
                    let breakdown = try database.breakdown(sql, by: dimensions, in: window, limit: command.limit)
                    write(breakdown, filter: parsed, to: output)
                }
            }
            if command.traces {
                let traces = try database.traceBreakdown(in: window, baseline: baseline)
                write(traces, filter: parsed, to: output)
            }
            output.flush()
        } catch let failure as CLIFailure {
            throw failure
        } catch {
            throw CLIFailure("\(error)")
        }
    }

    /// The time range of the matching events; for `--traces` alone, of the events and spans.
    private func extent(_ sql: FilterSQL, parsed: Filter, database: InquestStore) throws -> ClosedRange<Timestamp>? {
        let events = try database.extent(sql).timeRange
        guard command.traces, command.by == nil || parsed.isEverything else { return events }
        guard let spans = try database.spanTimeRange() else { return events }
        guard let events else { return spans }
        return min(events.lowerBound, spans.lowerBound)...max(events.upperBound, spans.upperBound)
    }

    private func write(_ breakdown: Breakdown, filter: Filter, to output: BufferedOutput) {
        switch command.format {
        case .table:
            let total = breakdown.total
            output.write(StatsTableHeading.line(
                dimensions: breakdown.dimensions, window: breakdown.window, baseline: nil,
                detail: "\(total.events) events, \(total.errors) errors, \(breakdown.groupCount) groups"))
            let lines = BreakdownTable.lines(breakdown)
            output.write(lines.header)
            for line in lines.rows { output.write(line) }
            if breakdown.rows.count < breakdown.groupCount { output.write("… \(breakdown.groupCount - breakdown.rows.count) more groups (--limit)") }
        case .jsonl:
            for row in breakdown.rows {
                output.write(StatsJSON.line(key: row.key, filter: filter, fields: [
                    ("events", .integer(row.count.events)), ("errors", .integer(row.count.errors)), ("share", .real(row.share)),
                ]))
            }
        }
    }

    private func write(_ comparison: BreakdownComparison, filter: Filter, to output: BufferedOutput) {
        switch command.format {
        case .table:
            output.write(StatsTableHeading.line(
                dimensions: comparison.dimensions, window: comparison.window, baseline: comparison.baselineWindow,
                detail: "\(comparison.windowTotal.events) events now, \(comparison.baselineTotal.events) before"))
            let lines = BreakdownTable.lines(comparison)
            output.write(lines.header)
            for line in lines.rows { output.write(line) }
            if comparison.rows.count < comparison.groupCount { output.write("… \(comparison.groupCount - comparison.rows.count) more groups (--limit)") }
        case .jsonl:
            for row in comparison.rows {
                output.write(StatsJSON.line(key: row.key, filter: filter, fields: [
                    ("events", .integer(row.window.events)), ("errors", .integer(row.window.errors)),
                    ("baseline_events", .integer(row.baseline.events)), ("baseline_errors", .integer(row.baseline.errors)),
                    ("rate_ratio", row.rateRatio.map(StatsJSON.Value.real) ?? .null),
                    ("is_new", .boolean(row.isNew)), ("is_gone", .boolean(row.isGone)),
                ]))
            }
        }
    }

    private func write(_ traces: TraceBreakdown, filter: Filter, to output: BufferedOutput) {
        switch command.format {
        case .table:
            output.write(StatsTableHeading.line(
                dimensions: nil, window: traces.window, baseline: traces.baselineWindow,
                detail: "spans per service"))
            let lines = BreakdownTable.lines(traces)
            output.write(lines.header)
            for line in lines.rows.prefix(command.limit) { output.write(line) }
        case .jsonl:
            for row in traces.rows.prefix(command.limit) {
                let key = BreakdownKey(dimensions: [.service], values: [.text(row.service)])
                output.write(StatsJSON.line(key: key, filter: filter, fields: [
                    ("spans", .integer(row.window.spans)), ("error_spans", .integer(row.window.errorSpans)),
                    ("p50_ns", .integer64(row.window.p50)), ("p90_ns", .integer64(row.window.p90)), ("p99_ns", .integer64(row.window.p99)),
                    ("baseline_spans", .integer(row.baseline.spans)), ("baseline_error_spans", .integer(row.baseline.errorSpans)),
                    ("baseline_p50_ns", .integer64(row.baseline.p50)), ("baseline_p90_ns", .integer64(row.baseline.p90)),
                    ("baseline_p99_ns", .integer64(row.baseline.p99)),
                ]))
            }
        }
    }
}

/// The line above a breakdown table: what is grouped, over which window (and baseline).
enum StatsTableHeading {
    static func line(dimensions: [BreakdownDimension]?, window: Range<Timestamp>, baseline: Range<Timestamp>?, detail: String) -> String {
        let what = dimensions.map { "by " + $0.map(\.name).joined(separator: " × ") } ?? "traces"
        var text = "\(what) · \(range(window))"
        if let baseline { text += " vs \(range(baseline))" }
        return TextSanitizer.singleLine(text + " · " + detail)
    }

    static func range(_ window: Range<Timestamp>) -> String {
        "\(TimestampFormatter.iso8601UTC(window.lowerBound, fractionDigits: 0)) … \(TimestampFormatter.iso8601UTC(window.upperBound, fractionDigits: 0))"
    }
}
