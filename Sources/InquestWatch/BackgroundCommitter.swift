import Foundation

/// Runs a follower's commits on a thread of their own, in order, so the next batches are parsed
/// on the feed's core while SQLite writes the previous one on the other.
///
/// At most ``depth`` commits are queued or running: ``submit(_:)`` waits for room first. A failed
/// commit stored nothing (its transaction rolled back) and the ones queued after it are skipped;
/// the error is thrown by the next ``submit(_:)`` or ``wait()``, and the feed restarts from the
/// last stored checkpoint. What a commit wrote is freed on another queue, off the writer's path.
final class BackgroundCommitter: @unchecked Sendable {
    /// Commits queued or running at most.
    static let depth = 2

    private let queue = DispatchQueue(label: "inquest.watch.commit", qos: .userInitiated)
    private let release = DispatchQueue(label: "inquest.watch.release", qos: .utility)
    private let room = DispatchSemaphore(value: BackgroundCommitter.depth)
    private let group = DispatchGroup()
    private let lock = NSLock()
    /// Guarded by `lock`.
    private var failure: (any Error)?

    /// Waits for room (rethrowing an earlier failure), then queues `work`, which returns what it
    /// wrote so that it is freed off the commit thread.
    func submit(_ work: @escaping @Sendable () throws -> (any Sendable)?) throws {
        room.wait()
        if let failed = takeFailure() {
            room.signal()
            throw failed
        }
        group.enter()
        queue.async { [self] in
            defer {
                room.signal()
                group.leave()
            }
            lock.lock()
            let skip = failure != nil
            lock.unlock()
            guard !skip else { return }
            do {
                let written = try work()
                release.async { withExtendedLifetime(written) {} }
            } catch {
                lock.lock()
                failure = error
                lock.unlock()
            }
        }
    }

    /// Waits until nothing is queued or running; throws the first failure since the last check.
    func wait() throws {
        group.wait()
        if let failed = takeFailure() { throw failed }
    }

    private func takeFailure() -> (any Error)? {
        lock.lock()
        defer { lock.unlock() }
        let failed = failure
        failure = nil
        return failed
    }
}
