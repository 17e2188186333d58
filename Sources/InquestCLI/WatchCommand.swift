import InquestText
import ArgumentParser
import Dispatch
import Foundation
import InquestCanvas
import InquestStore
import InquestWatch
import Logging

/// `inquest watch --config FILE`: runs every configured feed until SIGTERM/SIGINT.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Run the feeds of a watch config (followed logs, git, documents) into the store until stopped.",
        discussion: """
            Each feed runs under a lease in the store: a second watcher on the same config waits and takes \
            over when the first dies. SIGTERM or SIGINT stops it within a second; every batch commits with its \
            checkpoint, so a restart (even after SIGKILL) resumes without loss or duplicates. See examples/watch.yaml.
            """
    )

    @Option(help: ArgumentHelp("The watch config (YAML).", valueName: "file"))
    var config: String

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Log file (default: watch.log next to the database).", valueName: "file"))
    var log: String?

    @Option(help: ArgumentHelp("Log level: trace, debug, info, notice, warning, error.", valueName: "level"))
    var logLevel: String = "info"

    @Option(help: ArgumentHelp("Write the watcher's Prometheus metrics to this file every second (default: watch.prom next to the database).", valueName: "file"))
    var metricsFile: String?

    @Option(help: ArgumentHelp("Also serve the metrics over HTTP on 127.0.0.1:PORT/metrics (Prometheus can scrape the watcher).", valueName: "port"))
    var metricsPort: Int?

    @Option(help: ArgumentHelp("Seconds a feed's lease lasts without renewal (renewed every third of it); another watcher takes a feed over this long after its holder hung.", valueName: "seconds"))
    var leaseTTL: Double = 10

    func run() throws {
        let parsed: WatchConfig
        let feeds: [any Feed]
        do {
            parsed = try WatchConfig.load(path: config)
            feeds = try parsed.makeFeeds()
        } catch {
            throw CLIFailure("\(error)")
        }
        if let metricsPort, !(1...65535).contains(metricsPort) {
            throw ValidationError("--metrics-port must be 1–65535")
        }
        guard let level = Logger.Level(rawValue: logLevel) else {
            throw ValidationError("--log-level \(logLevel.debugDescription): expected trace, debug, info, notice, warning or error")
        }
        var storeOptions = store
        if storeOptions.db == nil, let configured = parsed.store { storeOptions.db = configured }
        let storePath = storeOptions.resolvedPath
        let database = try storeOptions.open()
        let directory = URL(fileURLWithPath: storePath).deletingLastPathComponent()
        let logPath = log ?? directory.appendingPathComponent("watch.log").path
        let metricsPath = metricsFile ?? directory.appendingPathComponent("watch.prom").path
        var logger = FileLogHandler.logger(label: "inquest.watch", path: logPath)
        logger.logLevel = level

        guard leaseTTL >= 0.3, leaseTTL <= 3600 else { throw ValidationError("--lease-ttl must be between 0.3 and 3600 seconds") }
        let ttl = Duration.milliseconds(Int64(leaseTTL * 1000))
        let policy = SupervisorPolicy(leaseTTL: ttl, leaseRenewal: ttl / 3, leaseRetry: min(.seconds(1), ttl / 3))
        let watcher = Watcher(
            feeds: feeds, store: database, policy: policy, metricsFile: metricsPath,
            metricsPort: metricsPort.map { UInt16($0) }, logger: logger)
        StandardStreams.err("""
            inquest watch: \(feeds.count) feed(s) from \(TextSanitizer.singleLine(config)) into \(TextSanitizer.singleLine(storePath))
              log: \(TextSanitizer.singleLine(logPath))   metrics: \(TextSanitizer.singleLine(metricsPath))\(metricsPort.map { " and http://127.0.0.1:\($0)/metrics" } ?? "")   owner: \(watcher.supervisor.owner)
            stop with SIGTERM or Ctrl-C; `inquest status` shows each feed's health

            """)
        Self.runUntilSignalled(watcher)
        // Every batch is committed (in the WAL) by now. Exit without closing the database: the
        // last connection's close checkpoints the whole WAL into the main file, which after a
        // burst took seconds; the next opener (a canvas, the next watcher) carries on from the WAL.
        StandardStreams.err("inquest watch: stopped\n")
        Foundation.exit(0)
    }

    /// Runs the watcher on the concurrency pool and blocks this thread until it stopped; SIGTERM
    /// and SIGINT cancel it (the signal only cancels; the feeds stop at their next suspension point).
    private static func runUntilSignalled(_ watcher: Watcher) {
        let task = Task { await watcher.run() }
        let listener = SignalWait.install { task.cancel() }
        let finished = DispatchSemaphore(value: 0)
        Task {
            await task.value
            finished.signal()
        }
        finished.wait()
        listener.cancel()
    }
}
