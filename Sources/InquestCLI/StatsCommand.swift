import ArgumentParser
import Foundation
import InquestCore
import InquestText
import InquestStore
import InquestViewModel

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print event counts by source kind, severity and service, or a breakdown of a filter's events.",
        discussion: """
            Without --by: totals over the store. With --by service,template (also severity, host, source, \
            source-name, attr:KEY or any attribute key): the events matching FILTER in the window, counted per \
            group. --compare adds the baseline (by default the window of equal length just before it), sorted \
            by change: new groups first, then the largest rise of the rate. --traces: spans per service with \
            p50/p90/p99 latency, against the baseline.
            """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case table
        case jsonl
    }

    @OptionGroup var store: StoreOptions

    @Option(help: "How many services to list (without --by).")
    var services: Int = 15

    @Option(help: ArgumentHelp("Group by these dimensions, comma-separated: service, severity, host, source, source-name, template, attr:KEY.", valueName: "dimensions"))
    var by: String?

    @Flag(help: "Compare the window with the baseline (new and louder groups first).")
    var compare = false

    @Flag(help: "Spans per service in the window against the baseline: count, errors, p50/p90/p99.")
    var traces = false

    @OptionGroup var window: StatsWindowOptions

    @Option(help: "Print at most this many groups.")
    var limit: Int = 100

    @Option(help: "table (aligned columns, sanitised for the terminal) or jsonl (one JSON object per group).")
    var format: OutputFormat = .table

    @Argument(help: "The filter (quote it); with --by only.")
    var filter: String = ""

    func validate() throws {
        if by == nil, !traces {
            if compare { throw ValidationError("--compare needs --by (what to group by), e.g. --by service,template") }
            if !filter.isEmpty || window.namesWindow || window.baselineAfter != nil || window.baselineBefore != nil {
                throw ValidationError("a filter or a window needs --by (what to group by) or --traces")
            }
        }
        if let by, BreakdownDimension.list(parsing: by) == nil {
            throw ValidationError("--by \(by): name dimensions separated by commas, e.g. service,template")
        }
        if limit < 1 { throw ValidationError("--limit must be 1 or more") }
    }

    func run() throws {
        if by != nil || traces {
            try StatsBreakdownRun(command: self).run()
            return
        }
        let database = try store.openForReading()
        let stats: StoreStats
        do {
            stats = try database.stats(topServices: services)
        } catch {
            throw CLIFailure("\(error)")
        }
        print(StatsPrinter.render(stats, path: store.resolvedPath))
    }
}

enum StatsPrinter {
    static func render(_ stats: StoreStats, path: String) -> String {
        var lines = ["\(TextSanitizer.singleLine(path)): \(stats.totalEvents.formatted()) events"]
        if let range = stats.timeRange {
            lines.append("time range: \(range.lowerBound.iso8601) … \(range.upperBound.iso8601)")
        }
        lines.append("")
        lines.append("by source:")
        for kind in SourceKind.allCases {
            if let count = stats.bySourceKind[kind], count > 0 {
                lines.append("  " + DisplayWidth.pad(kind.rawValue, to: 10) + String(count).leftPadded(to: 10))
            }
        }
        lines.append("by severity:")
        for severity in Severity.allCases.reversed() {
            if let count = stats.bySeverity[severity], count > 0 {
                lines.append("  " + DisplayWidth.pad(severity.name, to: 10) + String(count).leftPadded(to: 10))
            }
        }
        if !stats.topServices.isEmpty {
            lines.append("by service:")
            for entry in stats.topServices {
                let name = DisplayWidth.truncate(TextSanitizer.singleLine(entry.service), to: 24)
                lines.append("  " + DisplayWidth.pad(name, to: 24) + String(entry.count).leftPadded(to: 10))
            }
        }
        lines.append("")
        lines.append("dead letters: \(stats.deadLetters)" + (stats.deadLetters > 0 ? " (inquest dlq list)" : ""))
        if stats.fullTextBacklog > 0 {
            lines.append("full-text index backlog: \(stats.fullTextBacklog) events")
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
