import InquestText
import ArgumentParser
import Foundation
import InquestCanvas
import InquestIngest
import InquestStore
import Logging

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build the demo store from examples/incident/ with a finished example investigation (idempotent) and open the canvas on it.",
        discussion: "The demo store is $XDG_DATA_HOME/inquest/demo.db unless --db is given. Without a terminal (or with --summary) it prints the store's summary instead of opening the canvas."
    )

    @OptionGroup var store: StoreOptions
    @OptionGroup var canvas: CanvasArguments

    @Flag(help: "Print the demo store's summary instead of opening the canvas.")
    var summary = false

    /// examples/incident/, found next to the sources this binary was built from, else under the current directory.
    static func examplesDirectory() throws -> URL {
        let fromSources = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/incident")
        let candidates = [fromSources, URL(fileURLWithPath: "examples/incident")]
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.appendingPathComponent("checkout.jsonl").path) }) else {
            throw CLIFailure("cannot find examples/incident/ (looked in \(candidates.map(\.path).joined(separator: ", "))); run from the repository")
        }
        return found
    }

    /// The demo's files and the service of records that name none.
    static let files: [(name: String, service: String?)] = [
        ("deploy-bot.jsonl", nil), ("checkout.jsonl", nil), ("payment.logfmt", nil),
        ("api-gateway.access.log", "api-gateway"), ("inventory.log", "inventory"), ("hosts.syslog", nil),
        // Documents the other connectors read: a metric series, traces, a CI report, git history.
        ("checkout-latency.csv", "checkout"), ("checkout-traces.otlp.json", nil), ("checkout-ci.junit.xml", "checkout"),
        ("checkout.gitlog", "checkout"),
    ]

    func run() throws {
        var options = store
        if options.db == nil {
            let environment = ProcessInfo.processInfo.environment
            let defaultPath = InquestStore.defaultPath(explicit: nil, environment: environment)
            options.db = URL(fileURLWithPath: defaultPath).deletingLastPathComponent().appendingPathComponent("demo.db").path
        }
        let database = try options.open()
        let directory = try Self.examplesDirectory()
        var result = IngestSummary()
        do {
            for file in Self.files {
                var ingestOptions = IngestOptions()
                ingestOptions.assumedYear = 2026  // the incident's syslog has no year; don't depend on checkout mtimes
                ingestOptions.defaultService = file.service
                let summary = try FileIngestor(store: database, options: ingestOptions)
                    .ingest(paths: [directory.appendingPathComponent(file.name).path])
                result.files += summary.files
            }
        } catch {
            throw CLIFailure("\(error)")
        }
        let example: (id: Int64, created: Bool)
        do {
            example = try DemoInvestigation.load(
                from: directory.deletingLastPathComponent().appendingPathComponent("demo-investigation.json")
            ).ensure(in: database)
        } catch let error as CLIFailure {
            throw error
        } catch {
            throw CLIFailure("\(error)")
        }
        let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        if summary || !interactive {
            print("demo store: \(TextSanitizer.singleLine(options.resolvedPath)) (\(result.stored) new events, \(result.duplicates) already there, \(result.deadLettered) dead-lettered)")
            print("worked example: investigation #\(example.id) (\(example.created ? "created" : "already there")); try `inquest export \(example.id) --format md`")
            print(StatsPrinter.render(try database.stats(), path: options.resolvedPath))
            return
        }
        // The demo opens on its worked investigation, so the Notes pane shows its notes at once;
        // not on a team database, whose investigations are numbered apart from the local store's.
        var canvasOptions = canvas
        if canvasOptions.investigation == nil, try canvas.team.url() == nil { canvasOptions.investigation = example.id }
        try canvasOptions.open(database, storePath: options.resolvedPath)
    }
}
