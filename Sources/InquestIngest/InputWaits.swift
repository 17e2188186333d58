import Foundation

/// When an ingest is waiting for its input (a pipe with nothing to read yet), and since when.
///
/// The full-text indexer works beside storing only in such waits (see
/// ``BackgroundFullTextIndexer``): reading a regular file never waits long, so a file's index is
/// built once it is stored, while a slow pipe is indexed as it goes.
final class InputWaits: @unchecked Sendable {
    private let lock = NSLock()
    private let clock = ContinuousClock()
    private var since: ContinuousClock.Instant?

    /// Runs `read`, counting the time it takes as waiting for input.
    func reading<T, E: Error>(_ read: () throws(E) -> T) throws(E) -> T {
        set(clock.now)
        defer { set(nil) }
        return try read()
    }

    /// Whether a read has been waiting for at least `duration`.
    func hasWaited(atLeast duration: Duration) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard let since else { return false }
        return clock.now - since >= duration
    }

    private func set(_ instant: ContinuousClock.Instant?) {
        lock.lock()
        since = instant
        lock.unlock()
    }
}
