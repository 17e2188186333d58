import Foundation
import InquestCore
import InquestNet
import InquestStore
import Logging

/// `inquest watch` as a library: the supervisor over the configured feeds; the full-text index
/// kept up with what they store (every health interval, in bounded steps); and the watcher's
/// own metrics (Prometheus text) written atomically to a file every health interval (a node
/// exporter textfile-collector file), and available as text for an HTTP endpoint.
public final class Watcher: Sendable {
    public let supervisor: FeedSupervisor
    private let metricsFile: String?
    private let interval: Duration
    private let logger: Logger
    private let store: InquestStore
    private let indexesFullText: Bool
    private let metricsPort: UInt16?

    /// `indexesFullText: false` leaves the full-text index to another process (`inquest ingest`
    /// or a canvas catch up on it too); the benchmark uses it to separate the two costs.
    public init(
        feeds: [any Feed], store: InquestStore, policy: SupervisorPolicy = SupervisorPolicy(), metricsFile: String? = nil,
        metricsPort: UInt16? = nil, indexesFullText: Bool = true, logger: Logger
    ) {
        self.metricsPort = metricsPort
        self.indexesFullText = indexesFullText
        supervisor = FeedSupervisor(feeds: feeds, store: store, policy: policy, logger: logger)
        self.metricsFile = metricsFile
        interval = policy.healthInterval
        self.logger = logger
        self.store = store
    }

    /// Runs until the calling task is cancelled; on return every feed has stopped, its last batch
    /// committed or rolled back, its lease released and its health marked stopped.
    public func run() async {
        logger.info("watcher started", metadata: ["owner": "\(supervisor.owner)"])
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.supervisor.run() }
            if indexesFullText {
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: self.interval)
                        if Task.isCancelled { break }  // a stop must not wait for another indexing step
                        self.indexFullText()
                    }
                }
            }
            if let metricsPort {
                group.addTask { await self.serveMetrics(port: metricsPort) }
            }
            if metricsFile != nil {
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: self.interval)
                        self.writeMetricsFile()
                    }
                }
            }
            _ = await group.next()
            group.cancelAll()
        }
        // No full-text catch-up here: it could hold the stop past a second; the next start (or
        // `inquest ingest`) indexes the rest, and the rows are browsable without it.
        writeMetricsFile()
        logger.info("watcher stopped", metadata: ["owner": "\(supervisor.owner)"])
    }

    /// The current metrics in Prometheus text exposition format.
    public var metricsText: String {
        MetricsExposition.render(supervisor.health)
    }

    /// Rows the full-text catch-up indexes per transaction.
    static let fullTextStep = 5_000

    /// Indexes what the feeds stored since the last call, 5,000 rows per step at most (a stop
    /// waits for at most one such step: with 20,000 a SIGTERM during a burst took 0.5–1.9 s to
    /// exit, with 5,000 0.3–0.5 s), so text search in canvases finds new lines within about a
    /// health interval. The index has its own file and lock, so the feeds' commits never wait
    /// for it (see `InquestStore.indexFullText`).
    private func indexFullText() {
        do {
            while try store.indexFullText(maxRows: Self.fullTextStep) == Self.fullTextStep, !Task.isCancelled {}
        } catch {
            logger.warning("cannot update the full-text index: \(error)")
        }
    }

    /// Serves ``metricsText`` at `GET http://127.0.0.1:port/metrics` until cancelled.
    private func serveMetrics(port: UInt16) async {
        do {
            let server = try await MetricsEndpoint.serve(port: port) { [self] in metricsText }
            logger.info("serving metrics", metadata: ["port": "\(port)"])
            while !Task.isCancelled { try? await Task.sleep(for: .seconds(1)) }
            await server.stop()
        } catch {
            logger.error("cannot serve metrics on port \(port): \(error)")
        }
    }

    private func writeMetricsFile() {
        guard let metricsFile else { return }
        let temporary = metricsFile + ".tmp"
        do {
            try Data(metricsText.utf8).write(to: URL(fileURLWithPath: temporary))
            guard rename(temporary, metricsFile) == 0 else {
                throw WatchError.unreadableFile(path: metricsFile, reason: String(cString: strerror(errno)))
            }
        } catch {
            logger.warning("cannot write metrics file: \(error)")
        }
    }
}
