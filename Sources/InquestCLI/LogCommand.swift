import ArgumentParser
import Foundation
import InquestCore
import InquestExchange
import InquestText

struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Print an investigation's audit trail: who changed what, when, before → after.",
        discussion: "Covers the investigation's own fields, its notes and links, and the stars and tags of its linked events, in time order. Imported history keeps its original authors and times."
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case table
        case jsonl
    }

    @OptionGroup var store: StoreOptions

    @Argument(help: "The investigation: its id or its exact title.")
    var investigation: String

    @Option(help: "table (sanitised for the terminal) or jsonl (one JSON object per change).")
    var format: OutputFormat = .table

    func run() throws {
        let database = try store.openForReading()
        do {
            let id = try InvestigationReference.resolve(investigation, in: database)
            let trail = try database.auditTrail(investigationID: id).sorted { ($0.at, $0.id) < ($1.at, $1.id) }
            let lines = format == .table ? AuditLogPrinter.table(trail) : AuditLogPrinter.jsonLines(trail)
            let output = BufferedOutput()
            for line in lines { output.write(line) }
            output.flush()
        } catch let error as ExchangeError {
            throw CLIFailure(TextSanitizer.singleLine("\(error)"))
        } catch {
            throw CLIFailure(TextSanitizer.singleLine("\(error)"))
        }
    }
}
