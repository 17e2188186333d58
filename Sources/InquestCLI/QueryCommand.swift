import ArgumentParser
import Foundation
import InquestCore
import InquestReport
import InquestText
import InquestStore

struct QueryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "query",
        abstract: "Print the events matching a filter, in time order.",
        discussion: "An empty filter matches everything. See the README for the filter syntax, e.g. 'service:checkout severity>=error since:2h -health'."
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case table
        case jsonl
    }

    @OptionGroup var store: StoreOptions

    @Option(help: "Print at most this many events.")
    var limit: Int?

    @Option(help: "table (aligned columns, sanitised for the terminal) or jsonl (one JSON object per event).")
    var format: OutputFormat = .table

    @Flag(help: "Print only the number of matching events.")
    var count = false

    @Argument(help: "The filter (quote it).")
    var filter: String = ""

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
    }

    func run() throws {
        let parsed: Filter
        do {
            parsed = try Filter.parse(filter)
        } catch {
            throw CLIFailure("bad filter:\n" + error.rendered(for: filter))
        }
        let database = try store.openForReading()
        let sql = FilterSQLCompiler.compile(parsed, now: .now())
        store.catchUpFullText(for: sql, in: database)
        do {
            if count {
                print(try database.count(sql))
                return
            }
            let output = BufferedOutput()
            let templates = format == .jsonl ? try database.templates() : [:]
            var remaining = limit ?? Int.max
            var anchor = WindowAnchor.oldest
            let pageSize = 2_000
            while remaining > 0 {
                let page = try database.window(sql, anchor: anchor, limit: min(pageSize, remaining))
                guard let last = page.last else { break }
                switch format {
                case .table:
                    for row in page { output.write(TableRowFormatter.line(for: row)) }
                case .jsonl:
                    let events = try database.events(ids: page.map(\.id))
                    // Escape C1 controls and bidi overrides too, as `log --format jsonl` does (JSON escapes only C0).
                    for event in events { output.write(ReportJSON.escapingInvisibleControls(EventJSON.line(for: event, templates: templates))) }
                }
                remaining -= page.count
                if page.count < min(pageSize, remaining + page.count) { break }
                anchor = .after(last.cursor)
            }
            output.flush()
        } catch {
            throw CLIFailure("\(error)")
        }
    }
}

/// Buffers stdout writes in 64 KiB blocks (print() per line is slow for large results).
final class BufferedOutput {
    private var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(1 << 16) }

    func write(_ line: String) {
        buffer.append(contentsOf: line.utf8)
        buffer.append(10)
        if buffer.count >= 1 << 16 { flush() }
    }

    func flush() {
        guard !buffer.isEmpty else { return }
        StandardStreams.out(bytes: buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// One aligned, sanitised table line per event.
enum TableRowFormatter {
    static func line(for row: EventSummary) -> String {
        let time = TimestampFormatter.iso8601UTC(row.timestamp, fractionDigits: 3)
        let severity = DisplayWidth.pad(row.severity.name, to: 8)
        let kind = DisplayWidth.pad(row.sourceKind.rawValue, to: 6)
        let service = DisplayWidth.pad(TextSanitizer.singleLine(row.service ?? row.sourceName), to: 14)
        return "\(time)  \(severity) \(kind) \(service) \(TextSanitizer.singleLine(row.message))"
    }
}
