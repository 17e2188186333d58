import Foundation

/// Runs a follower's commits on a thread of their own, one at a time and in order, so the next
/// batch is parsed on the feed's core while SQLite writes the previous one on the other.
///
/// At most one commit is in flight: ``submit(_:)`` first waits for the previous one. A failed
/// commit stored nothing (its transaction rolled back); its error is thrown by the next
/// ``submit(_:)`` or ``wait()``, and the feed restarts from the last stored checkpoint.
final class BackgroundCommitter: @unchecked Sendable {
    private let queue = DispatchQueue(label: "inquest.watch.commit", qos: .userInitiated)
    private let group = DispatchGroup()
    private let lock = NSLock()
    /// Guarded by `lock`.
    private var failure: (any Error)?

    /// Waits for the commit in flight (rethrowing its failure), then starts `work`.
    func submit(_ work: @escaping @Sendable () throws -> Void) throws {
        try wait()
        group.enter()
        queue.async { [self] in
            do {
                try work()
            } catch {
                lock.lock()
                failure = error
                lock.unlock()
            }
            group.leave()
        }
    }

    /// Waits until nothing is in flight; throws the failure of the last commit, if it failed.
    func wait() throws {
        group.wait()
        lock.lock()
        let failed = failure
        failure = nil
        lock.unlock()
        if let failed { throw failed }
    }
}
