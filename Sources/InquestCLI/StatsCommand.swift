import ArgumentParser
import Foundation
import InquestCore
import InquestText
import InquestStore

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print event counts by source kind, severity and service."
    )

    @OptionGroup var store: StoreOptions

    @Option(help: "How many services to list.")
    var services: Int = 15

    func run() throws {
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
