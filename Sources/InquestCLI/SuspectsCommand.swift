import ArgumentParser
import Foundation
import InquestAnalysis
import InquestCore
import InquestStore

struct SuspectsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suspects",
        abstract: "Rank the services that may have caused an incident, with the evidence behind each rank.",
        discussion: """
            Compares the window after TIME with the 30 minutes before it: warning and error log
            templates that are new or louder, templates a service stopped writing while it kept
            serving, each service's own span latency and errors (time spent in its callees
            excluded), its metric series, and changes in the hour before. A caller of an
            anomalous service gives up part of its score to it. Each evidence row carries a
            filter that selects the events behind it.
            """
    )

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp(
        "The incident time (RFC 3339, e.g. 2023-01-29T08:43:04Z; a time without a zone is UTC). Default: the start of the latest error burst.",
        valueName: "time"))
    var at: String?

    @Option(help: ArgumentHelp("How long after TIME to examine (e.g. 3m, 90s).", valueName: "duration"))
    var window: String = "3m"

    @Option(help: "table or json.")
    var format: SuspectsFormat = .table

    @Option(help: "How many suspects to print (0: all).")
    var limit: Int = 10

    func run() throws {
        guard let windowLength = DurationText.nanoseconds(window, bareNumber: .rejected), windowLength > 0 else {
            throw CLIFailure("--window: '\(window)' is not a duration (e.g. 3m, 90s)")
        }
        var settings = SuspectSettings.standard
        settings.window = windowLength
        let analysis = SuspectAnalysis(settings: settings)
        let database = try store.openForReading()
        do {
            let time = try at.map(Self.instant) ?? analysis.incidentTime(in: database)
            let suspects = try analysis.suspects(in: database, at: time)
            let shown = limit > 0 ? Array(suspects.prefix(limit)) : suspects
            switch format {
            case .table: print(SuspectsPrinter.table(shown, at: time))
            case .json: print(try SuspectsPrinter.json(shown))
            }
        } catch let error as AnalysisError {
            throw CLIFailure("\(error)")
        }
    }

    /// Reads `text` as the filter language's `after:` does (RFC 3339; no zone is UTC).
    static func instant(_ text: String) throws -> Timestamp {
        let quoted = "\"" + text.replacingOccurrences(of: "\"", with: "") + "\""
        guard let filter = try? Filter.parse("after:" + quoted), case .term(.after(.absolute(let time))) = filter.expression else {
            throw CLIFailure("--at: '\(text)' is not a time (write e.g. 2023-01-29T08:43:04Z)")
        }
        return time
    }
}

enum SuspectsFormat: String, ExpressibleByArgument, CaseIterable {
    case table
    case json
}
