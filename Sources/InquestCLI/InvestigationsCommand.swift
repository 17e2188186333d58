import ArgumentParser
import Foundation
import InquestCore
import InquestReport
import InquestText
import InquestStore
import InquestTeam

struct InvestigationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "investigations",
        abstract: "List the investigations with their ids, most recently updated first.",
        discussion: "Pass an id (or an exact title) to `inquest export`."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, jsonl
    }

    @OptionGroup var store: StoreOptions
    @OptionGroup var team: TeamOptions

    @Option(help: "table (aligned columns) or jsonl (one JSON object per investigation).")
    var format: Format = .table

    func run() throws {
        if let url = try team.url() {
            // The team database holds the investigations (ids are the team's).
            let summaries = try BlockingAsync.run {
                return try await TeamDatabase.using(url: url) { database in
                    try await TeamCommand.Migrate.failing { try await database.investigations() }
                }
            }
            show(summaries, format: format, origins: [:])
            return
        }
        let database = try store.openForReading()
        let summaries: [InvestigationSummary]
        var origins: [Int64: InvestigationOrigin] = [:]
        do {
            summaries = try database.investigations()
            for id in summaries.compactMap(\.investigation.id) { origins[id] = try database.origin(investigationID: id) }
        } catch {
            throw CLIFailure("\(error)")
        }
        show(summaries, format: format, origins: origins)
    }

    private func show(_ summaries: [InvestigationSummary], format: Format, origins: [Int64: InvestigationOrigin]) {
        switch format {
        case .table: Swift.print(InvestigationListPrinter.table(summaries, origins: origins), terminator: "")
        case .jsonl: for summary in summaries { Swift.print(InvestigationListPrinter.jsonLine(summary, origin: summary.investigation.id.flatMap { origins[$0] })) }
        }
    }
}

enum InvestigationListPrinter {
    /// The table, then one line per imported investigation saying where it came from.
    static func table(_ summaries: [InvestigationSummary], origins: [Int64: InvestigationOrigin] = [:]) -> String {
        guard !summaries.isEmpty else { return "no investigations (press n in the canvas, or run `inquest demo`)\n" }
        let header = ["ID", "STATUS", "SEV", "OWNER", "LINKS", "NOTES", "UPDATED (UTC)", "TITLE"]
        let rows = summaries.map { summary -> [String] in
            let investigation = summary.investigation
            return [
                String(investigation.id ?? 0), investigation.status.rawValue, investigation.severity.rawValue,
                DisplayWidth.truncate(TextSanitizer.singleLine(investigation.owner), to: 16),
                String(summary.linkedEventCount), String(summary.noteCount),
                TimestampFormatter.iso8601UTC(investigation.updatedAt, fractionDigits: 0).replacingOccurrences(of: "T", with: " ")
                    .replacingOccurrences(of: "Z", with: ""),
                DisplayWidth.truncate(TextSanitizer.singleLine(investigation.title), to: 60),
            ]
        }
        let widths = header.indices.map { column in
            ([header] + rows).map { DisplayWidth.of($0[column]) }.max() ?? 0
        }
        let numeric: Set<Int> = [0, 4, 5]
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                if column == cells.count - 1 { return cell }
                return numeric.contains(column) ? cell.leftPadded(to: widths[column]) : DisplayWidth.pad(cell, to: widths[column])
            }.joined(separator: "  ")
        }
        let originLines = summaries.compactMap { summary in
            summary.investigation.id.flatMap { id in origins[id].map { "#\(id) " + TextSanitizer.singleLine($0.summary) } }
        }
        return ([line(header)] + rows.map(line) + (originLines.isEmpty ? [] : [""] + originLines)).joined(separator: "\n") + "\n"
    }

    static func jsonLine(_ summary: InvestigationSummary, origin: InvestigationOrigin? = nil) -> String {
        let investigation = summary.investigation
        var object: [String: Any] = [
            "id": investigation.id ?? 0, "title": investigation.title, "status": investigation.status.rawValue,
            "severity": investigation.severity.rawValue, "owner": investigation.owner, "links": summary.linkedEventCount,
            "notes": summary.noteCount, "updated": investigation.updatedAt.iso8601, "created": investigation.createdAt.iso8601,
        ]
        if let origin {
            object["origin"] = [
                "source_database": origin.sourceDatabase, "source_host": origin.sourceHost, "source_user": origin.sourceUser,
                "original_id": origin.originalID, "format": origin.format, "imported_at": origin.importedAt.iso8601,
                "imported_by": origin.importedBy,
            ] as [String: Any]
        }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return "{}"
        }
        // C1 controls and bidi overrides escaped too, as in `query`/`log --format jsonl`.
        return ReportJSON.escapingInvisibleControls(String(decoding: data, as: UTF8.self))
    }
}
