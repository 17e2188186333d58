import Foundation
import InquestCore
import InquestStore

/// What "browsable at once" means during an ingest: a second store connection (as a canvas in
/// another process has) asks for the newest page of 100 events every 10 ms while the ingest
/// runs, and records when it first got a full page and how long its reads took.
///
/// lnav shows nothing until it has indexed the whole file; this is the figure to set beside that.
final class BrowseDuringIngestProbe: @unchecked Sendable {
    static let pageSize = 100
    static let intervalMicroseconds: UInt32 = 10_000

    struct Result: Codable {
        /// Seconds from opening the probe (just before the ingest starts) until a read first returned a full page.
        var firstPageSeconds: Double?
        /// Every read's duration, in milliseconds.
        var readMilliseconds: [Double]
    }

    private let store: InquestStore
    private let clock = ContinuousClock()
    private let opened: ContinuousClock.Instant
    private let lock = NSLock()
    private var stopping = false
    private var result = Result(firstPageSeconds: nil, readMilliseconds: [])
    private let exited = DispatchSemaphore(value: 0)

    init(path: String) throws {
        store = try InquestStore.open(path: path)
        opened = clock.now
    }

    func start() {
        let thread = Thread { [self] in
            run()
            exited.signal()
        }
        thread.name = "inquest-bench.browse-probe"
        thread.start()
    }

    /// Stops the probe and returns what it saw.
    func stop() -> Result {
        lock.lock()
        stopping = true
        lock.unlock()
        exited.wait()
        lock.lock()
        defer { lock.unlock() }
        return result
    }

    private var isStopping: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopping
    }

    private func run() {
        while !isStopping {
            let before = clock.now
            let page = (try? store.window(.everything, anchor: .newest, limit: Self.pageSize)) ?? []
            let after = clock.now
            lock.lock()
            result.readMilliseconds.append(BenchSupport.seconds(between: before, and: after) * 1000)
            if result.firstPageSeconds == nil && page.count == Self.pageSize {
                result.firstPageSeconds = BenchSupport.seconds(between: opened, and: after)
            }
            lock.unlock()
            usleep(Self.intervalMicroseconds)
        }
    }
}

extension BrowseDuringIngestProbe.Result {
    var firstPageText: String {
        firstPageSeconds.map { "\(BenchSupport.format($0 * 1000, 0)) ms" } ?? "never (the ingest ended first)"
    }
}
