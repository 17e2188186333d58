import Foundation
import InquestCanvas
import InquestCore
import InquestIngest
import InquestStore
import InquestViewModel
import Logging
import Synchronization

/// The ingest behind `inquest FILE...`: the same ``FileIngestor`` as `inquest ingest`, run on a
/// thread of this process beside the canvas, with a store connection of its own (its own
/// writer, as a second process would have), reporting its progress to the canvas as actions.
///
/// In the canvas's process rather than a child process: the progress reaches the canvas as
/// values with no protocol between processes, `-` can hand the piped input over as a
/// descriptor, and quitting stops it between two transactions. SQLite in WAL keeps the canvas's
/// reads from waiting for the ingest's writes, whichever process they come from.
final class CanvasIngest: CanvasBackgroundWork, @unchecked Sendable {
    private let storePath: String
    private let paths: [String]
    private let options: IngestOptions
    private let logger: Logger
    private let cancellation: IngestCancellation
    private let ended = DispatchSemaphore(value: 0)
    private let tracker: Mutex<Tracker>

    /// How long ``stop()`` waits for the batch being stored to commit.
    static let stopWait: DispatchTimeInterval = .seconds(3)
    /// Progress reports at most this often (each batch otherwise: ~40 a second).
    static let reportInterval: Duration = .milliseconds(200)

    init(storePath: String, paths: [String], options: IngestOptions, logger: Logger) {
        let cancellation = IngestCancellation()
        var options = options
        options.cancellation = cancellation
        self.cancellation = cancellation
        self.storePath = storePath
        self.paths = paths
        self.options = options
        self.logger = logger
        tracker = Mutex(Tracker(state: BackgroundIngestState(paths: paths)))
    }

    func start(report: @escaping @Sendable (CanvasAction) -> Void) {
        let thread = Thread { [self] in
            run(report: report)
            ended.signal()
        }
        thread.name = "inquest.canvas.ingest"
        thread.start()
    }

    func stop() {
        cancellation.cancel()
        if ended.wait(timeout: .now() + Self.stopWait) == .timedOut {
            logger.warning("the ingest did not stop within \(Self.stopWait); exiting with its current transaction uncommitted")
        }
    }

    private func run(report: @escaping @Sendable (CanvasAction) -> Void) {
        let started = ContinuousClock.now
        report(.ingestProgressed(tracker.withLock { $0.state }))
        do {
            let store = try InquestStore.open(path: storePath, logger: logger)
            let ingestor = FileIngestor(store: store, options: options, logger: logger)
            let summary = try ingestor.ingest(paths: paths) { [self] progress in
                let snapshot = tracker.withLock { $0.update(progress, fileCount: paths.count, elapsed: ContinuousClock.now - started) }
                if let snapshot { report(.ingestProgressed(snapshot)) }
            }
            let final = tracker.withLock { tracker in
                tracker.state.eventsStored = summary.files.reduce(0) { $0 + $1.stored }
                tracker.state.elapsedSeconds = Self.seconds(ContinuousClock.now - started)
                tracker.state.phase = .finished
                return tracker.state
            }
            logger.info("opened files ingested", metadata: ["files": "\(paths.count)", "stored": "\(final.eventsStored)"])
            report(.ingestProgressed(final))
        } catch IngestError.cancelled {
            logger.info("ingest of opened files stopped on quit")
        } catch {
            logger.error("ingest of opened files failed: \(error)")
            report(.ingestProgressed(tracker.withLock { tracker in
                tracker.state.phase = .failed("\(error)")
                return tracker.state
            }))
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The state reported so far, and what it needs to count events over several files.
    struct Tracker: Sendable {
        var state: BackgroundIngestState
        var storedInEarlierFiles = 0
        var lastReport: ContinuousClock.Instant?

        /// Takes a file's progress report; returns the state to report, or nil to skip this one
        /// (reports are spaced by ``CanvasIngest/reportInterval`` unless the phase changed).
        mutating func update(_ progress: IngestProgress, fileCount: Int, elapsed: Duration) -> BackgroundIngestState? {
            if let current = state.current, current.path != progress.path || progress.stored < current.stored || progress.bytesRead < current.bytesRead {
                storedInEarlierFiles += current.stored
                state.fileIndex = min(state.fileIndex + 1, fileCount - 1)
            }
            state.current = progress
            state.eventsStored = storedInEarlierFiles + progress.stored
            state.elapsedSeconds = CanvasIngest.seconds(elapsed)
            let previousPhase = state.phase
            if state.fileIndex == fileCount - 1, progress.percent == 100 { state.phase = .indexing }
            let now = ContinuousClock.now
            if state.phase == previousPhase, let lastReport, now - lastReport < CanvasIngest.reportInterval { return nil }
            lastReport = now
            return state
        }
    }
}
