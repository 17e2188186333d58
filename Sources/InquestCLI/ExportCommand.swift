import InquestText
import ArgumentParser
import Foundation
import InquestCore
import InquestReport
import InquestStore

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export an investigation as Markdown, JSON, HTML or PDF.",
        discussion: """
            INVESTIGATION is an id (see `inquest investigations`) or an exact title. Text formats go to \
            standard output unless -o is given; PDF is written to -o, or else to \
            <database dir>/exports/<title>-<id>.pdf. Markdown written to a file gets its density chart \
            as <name>.density.svg next to it. Local times use $TZ (else the system zone). With a team \
            database (--team, $INQUEST_TEAM), INVESTIGATION is the team's: the report is built from what the \
            team database holds (its notes, evidence with the shared events, audit trail).
            """
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var team: TeamOptions

    @Argument(help: "The investigation's id or exact title.")
    var investigation: String

    @Option(name: .long, help: "md, json, html or pdf.")
    var format: String = "md"

    @Option(name: [.short, .customLong("output")], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
    var output: String?

    func validate() throws {
        guard ReportFormat(name: format) != nil else {
            throw ValidationError("unknown format \(format.debugDescription); use md, json, html or pdf.")
        }
    }

    func run() throws {
        let format = ReportFormat(name: format) ?? .md
        let environment = ProcessInfo.processInfo.environment
        if let url = try team.url() {
            let bundle = try TeamExchange.bundle(investigation, url: url)
            let scratch = try TeamExchange.scratchStore(holding: bundle)
            do {
                try export(scratch.investigationID, from: scratch.store, format: format, environment: environment, besides: store.resolvedPath)
            } catch {
                throw CLIFailure("\(error)")
            }
            return
        }
        let database = try store.openForReading()
        do {
            let id = try InvestigationLookup.resolve(investigation, in: database)
            try export(id, from: database, format: format, environment: environment, besides: database.path)
        } catch {
            throw CLIFailure("\(error)")
        }
    }

    /// Writes the report of investigation `id` of `database`; a file with no -o goes beside the
    /// store at `storePath`.
    func export(_ id: Int64, from database: InquestStore, format: ReportFormat, environment: [String: String], besides storePath: String) throws(ReportError) {
        let builder = InvestigationDocumentBuilder(
            store: database, clock: ReportClock(timeZone: ReportClock.investigatorZone(environment: environment)),
            exportedBy: CurrentUser.name, now: .now(), generator: "inquest")
        let document = try builder.build(investigationID: id)
        let writer = ReportWriter(environment: environment)
        if output == nil, format.isText, let text = try writer.text(document, format: format) {
            StandardStreams.out(text)
            return
        }
        let path = output ?? ReportWriter.defaultPath(databasePath: storePath, document: document, format: format)
        for file in try writer.write(document, format: format, to: path) {
            StandardStreams.err("wrote \(TextSanitizer.singleLine(file))\n")
        }
    }
}
