import Foundation
import InquestStore

/// Indexes full text on a thread of its own while an ingest stores events, so the index is
/// complete soon after the last batch instead of starting then.
///
/// The index has its own file and writer (see `InquestStore.indexFullText`), so this never
/// waits for the ingest's write transactions. On 1M bench events (two cores) the index was
/// complete 0.1–0.2 s after the last batch instead of 3.6–5 s after it; storing took about 1 s
/// longer, as the three threads share two cores. Running it under SCHED_IDLE was no better.
///
/// The thread runs at a lower priority (``niceness``), so that parsing and storing, which make
/// events browsable, get the cores first and the index catches up. On 1M bench events, two
/// runs per nice value (browsable / full text, s): 0 → 7.6/7.8 and 8.0/8.4; 3 → 6.8/8.5 and
/// 7.3/8.3; 6 → 6.4/9.0 and 6.9/9.4; 10 → 6.4/9.5 and 6.5/9.9; 19 → 6.3/10.6 and 6.3/10.3.
final class BackgroundFullTextIndexer: @unchecked Sendable {
    /// The indexing thread's nice value: events browsable ~1 s sooner, the index ~0.5 s later.
    static let niceness: Int32 = 5
    /// Rows per call: a check for the stop request between calls.
    static let step = 50_000
    /// How long to wait when everything stored so far is indexed.
    static let idleMicroseconds: UInt32 = 20_000

    private let store: InquestStore
    private let lock = NSLock()
    private var storingFinished = false
    private var failure: (any Error)?
    private let exited = DispatchSemaphore(value: 0)

    init(store: InquestStore) {
        self.store = store
    }

    func start() {
        let thread = Thread { [self] in
            #if os(Linux)
            // On Linux this lowers the calling thread only (its nice value is per thread).
            setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, Self.niceness)
            #endif
            run()
            exited.signal()
        }
        thread.name = "inquest.fts"
        thread.start()
    }

    private var isStoringFinished: Bool {
        lock.lock()
        defer { lock.unlock() }
        return storingFinished
    }

    private func run() {
        do {
            while true {
                // Read the flag before indexing: when it is set, everything stored is visible, so
                // an empty step after it means the index is complete.
                let finished = isStoringFinished
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

    /// Tells the indexer that storing is over and waits until everything is indexed; rethrows an
    /// indexing error.
    func finish() throws {
        lock.lock()
        storingFinished = true
        lock.unlock()
        exited.wait()
        lock.lock()
        defer { lock.unlock() }
        if let failure { throw failure }
    }
}
