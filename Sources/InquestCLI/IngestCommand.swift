import ArgumentParser
import Foundation
import InquestIngest
import InquestParsers
import InquestStore

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Store log files as events (re-running stores nothing new; bad lines become dead letters)."
    )

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Force a format: logs \(LogFormat.allCases.map(\.rawValue).joined(separator: ", ")); documents \(DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")) (default: detected per file).", valueName: "format"))
    var format: String?

    @Option(help: ArgumentHelp("Also store this git repository's history (commits, merges, files touched) as change events.", valueName: "repository"))
    var git: String?

    @Option(help: ArgumentHelp("Zone for times written without one: an IANA name, UTC, local, or +01:00 (default UTC).", valueName: "zone"))
    var tz: String = "UTC"

    @Option(help: ArgumentHelp("Year for times written without one (default: each file's modification year).", valueName: "year"))
    var year: Int?

    @Option(help: ArgumentHelp("Service of events whose records name none (e.g. an access log).", valueName: "name"))
    var service: String?

    @Option(help: ArgumentHelp("Roles of a table's columns, overriding the guesses from their names: role=Header pairs (roles \(ColumnRole.allCases.map(\.rawValue).joined(separator: ", "))), e.g. time=Timestamp,service=PodName.", valueName: "role=Header,..."))
    var columns: String?

    @OptionGroup var prometheus: PrometheusIngestOptions

    @Option(help: ArgumentHelp("Threads that parse one large file (16 MiB or more) at once; 1 leaves the other cores alone (default: one per core, at most 4).", valueName: "n"))
    var parsingThreads: Int = IngestOptions.defaultParsingThreads

    @Flag(help: "Never print the progress line.")
    var quiet = false

    @Argument(help: ArgumentHelp("Files or directories (their files, in name order) to ingest; - reads standard input.", valueName: "file"))
    var files: [String] = []

    func validate() throws {
        if files.isEmpty && git == nil && prometheus.url == nil {
            throw ValidationError("give files to ingest (- for standard input), --git REPOSITORY or --prometheus URL --query EXPR")
        }
        try prometheus.validate()
        guard (1...64).contains(parsingThreads) else {
            throw ValidationError("--parsing-threads takes a number from 1 to 64, not \(parsingThreads)")
        }
    }

    func run() throws {
        var options = IngestOptions()
        if let format {
            if let parsed = LogFormat(rawValue: format) {
                options.format = parsed
            } else if let kind = DocumentKind(rawValue: format) {
                options.documentKind = kind
            } else {
                let names = LogFormat.allCases.map(\.rawValue) + DocumentKind.allCases.map(\.rawValue)
                throw ValidationError("unknown format '\(format)'; use one of \(names.joined(separator: ", "))")
            }
        }
        do {
            options.timeZone = try IngestOptions.timeZone(named: tz)
            if let columns { options.columns = try IngestOptions.columns(named: columns) }
        } catch {
            throw ValidationError("\(error)")
        }
        options.assumedYear = year
        options.defaultService = service
        options.parsingThreads = parsingThreads
        let database = try store.open()
        let reporter = ProgressReporter(enabled: !quiet && isatty(STDERR_FILENO) == 1)
        var summary = IngestSummary()
        do {
            let ingestor = FileIngestor(store: database, options: options)
            if !files.isEmpty {
                summary = try ingestor.ingest(paths: files) { progress in
                    reporter.report(progress)
                }
            }
            if prometheus.url != nil {
                summary.files.append(try prometheus.ingest(into: database))
            }
            if let git {
                let history = try ingestor.ingestGitRepository(git)
                summary.files += history.files
                summary.storeSeconds += history.storeSeconds
                summary.fullTextSeconds += history.fullTextSeconds
            }
        } catch {
            reporter.finish()
            throw CLIFailure("\(error)")
        }
        reporter.finish()
        print(IngestSummaryPrinter.render(summary, database: store.resolvedPath))
    }
}
