import Foundation
import InquestStore

/// Indexes full text on a thread of its own while an ingest stores events, whenever the ingest
/// waits for its input, and completes the index once storing is over.
///
/// The index has its own file and writer (see `InquestStore.indexFullText`), so this never
/// waits for the ingest's write transactions. It does not index while the ingest is parsing and
/// storing: on two cores those each keep a core busy, and indexing beside them made the last
/// event browsable 1–2 s later. On 1M bench events (16 KiB pages, raw records in compressed
/// blocks), five runs each: indexing beside storing at nice 5 stored in 4.6–5.0 s with the index
/// complete at 5.7–6.4 s; indexing after storing stored in 2.7–3.7 s with the index complete at
/// 5.7–7.5 s. A slow input (a pipe on standard input) leaves reads waiting, and the index keeps
/// up with it.
///
/// It watches the input, not the batches: an earlier version indexed whenever no batch had been
/// stored for a while, but a WAL checkpoint can hold one batch for a second, the indexer then
/// started, and its reads kept the WAL from being reset: 1M syslog lines took 5–6 s to store
/// instead of 3–3.7 s.
///
/// The thread runs at a lower priority (``niceness``), so that a batch arriving while it indexes
/// gets the cores first.
final class BackgroundFullTextIndexer: @unchecked Sendable {
    /// The indexing thread's nice value (when it indexed beside storing, nice 5 made events
    /// browsable ~1 s sooner than nice 0 on 1M events).
    static let niceness: Int32 = 5
    /// Rows per call: between calls it checks whether the input still keeps the ingest waiting.
    static let step = 20_000
    /// How long a read must have waited for input before indexing resumes.
    static let quietInterval: Duration = .milliseconds(200)
    /// How long to wait when everything stored so far is indexed.
    static let idleMicroseconds: UInt32 = 20_000

    private let store: InquestStore
    private let lock = NSLock()
    private var storingFinished = false
    private let inputWaits: InputWaits
    private var failure: (any Error)?
    /// The indexing thread's CPU seconds, set when it ends.
    private var threadCPUSeconds: Double = 0
    /// When the index was complete (the thread's end), set when it ends.
    private var completedAt: ContinuousClock.Instant?
    private let exited = DispatchSemaphore(value: 0)
    private var abandoned = false

    /// `inputWaits`: the ingest's reads, which tell when it waits for input.
    init(store: InquestStore, inputWaits: InputWaits) {
        self.store = store
        self.inputWaits = inputWaits
    }

    func start() {
        let thread = Thread { [self] in
            #if os(Linux)
            // On Linux this lowers the calling thread only (its nice value is per thread).
            setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, Self.niceness)
            #endif
            run()
            let cpu = ThreadCPUTime.now()
            let now = ContinuousClock.now
            lock.lock()
            threadCPUSeconds = cpu
            completedAt = now
            lock.unlock()
            exited.signal()
        }
        thread.name = "inquest.fts"
        thread.start()
    }

    /// Whether storing is over, and whether the ingest has waited for input long enough to index.
    private var storingState: (finished: Bool, quiet: Bool) {
        lock.lock()
        let finished = storingFinished
        lock.unlock()
        return (finished, inputWaits.hasWaited(atLeast: Self.quietInterval))
    }

    private func run() {
        do {
            while true {
                // Read the flag before indexing: when it is set, everything stored is visible, so
                // an empty step after it means the index is complete.
                let (finished, quiet) = storingState
                if isAbandoned { return }
                guard finished || quiet else {
                    usleep(Self.idleMicroseconds)
                    continue
                }
                let indexed = try store.indexFullText(maxRows: Self.step)
                if indexed == 0 {
                    if finished { return }
                    usleep(Self.idleMicroseconds)
                }
            }
        } catch {
            lock.lock()
            failure = error
            lock.unlock()
        }
    }

    /// When the index was complete; read it after ``finish()``. The WAL checkpoint that runs
    /// beside the indexing may end later; this is the index's own time.
    var completionTime: ContinuousClock.Instant? {
        lock.lock()
        defer { lock.unlock() }
        return completedAt
    }

    /// The indexing thread's CPU seconds; read it after ``finish()``.
    var cpuSeconds: Double {
        lock.lock()
        defer { lock.unlock() }
        return threadCPUSeconds
    }

    /// Whether ``abandon()`` was called.
    private var isAbandoned: Bool {
        lock.lock()
        defer { lock.unlock() }
        return abandoned
    }

    /// Stops indexing after the current step, leaving the rest to the next writer that catches
    /// the index up (a cancelled ingest); does not wait.
    func abandon() {
        lock.lock()
        abandoned = true
        lock.unlock()
    }

    /// Tells the indexer that storing is over: it indexes what is left without waiting for quiet input.
    func storingEnded() {
        lock.lock()
        storingFinished = true
        lock.unlock()
    }

    /// Tells the indexer that storing is over and waits until everything is indexed; rethrows an
    /// indexing error.
    func finish() throws {
        storingEnded()
        exited.wait()
        lock.lock()
        defer { lock.unlock() }
        if let failure { throw failure }
    }
}
