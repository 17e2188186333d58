import InquestCore
import InquestWatch
import Synchronization

/// A clock for tests that moves only when the test calls ``advance(by:)``: sleepers park until
/// their deadline is reached, so backoff, breaker cool-downs and lease expiry are stepped
/// through deterministically, without real waiting.
final class ManualClock: WatchClock {
    private struct Sleeper {
        var id: Int
        var deadline: Int64
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var now: Int64 = 0
        var nextID = 0
        var sleepers: [Sleeper] = []
        var cancelledEarly: Set<Int> = []
    }

    private let state = Mutex(State())
    private let wallOrigin: Int64 = 1_700_000_000_000_000_000

    func monotonicNanoseconds() -> Int64 { state.withLock { $0.now } }

    func now() -> Timestamp { Timestamp(nanoseconds: wallOrigin + monotonicNanoseconds()) }

    /// How many tasks are parked in ``sleep(for:)``.
    var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        let id = state.withLock { state -> Int in
            state.nextID += 1
            return state.nextID
        }
        let step = Self.nanoseconds(duration)
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome = state.withLock { state -> Int in
                    if state.cancelledEarly.remove(id) != nil { return 2 }
                    if step <= 0 { return 1 }
                    state.sleepers.append(Sleeper(id: id, deadline: state.now + step, continuation: continuation))
                    return 0
                }
                if outcome == 1 { continuation.resume() }
                if outcome == 2 { continuation.resume(throwing: CancellationError()) }
            }
        } onCancel: {
            let sleeper = state.withLock { state -> Sleeper? in
                if let index = state.sleepers.firstIndex(where: { $0.id == id }) {
                    return state.sleepers.remove(at: index)
                }
                state.cancelledEarly.insert(id)
                return nil
            }
            sleeper?.continuation.resume(throwing: CancellationError())
        }
    }

    /// Moves time forward and wakes every sleeper whose deadline has come.
    func advance(by duration: Duration) {
        let due = state.withLock { state -> [Sleeper] in
            state.now += Self.nanoseconds(duration)
            let now = state.now
            let due = state.sleepers.filter { $0.deadline <= now }
            state.sleepers.removeAll { $0.deadline <= now }
            return due
        }
        for sleeper in due { sleeper.continuation.resume() }
    }

    private static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

/// Polls `condition` (napping 5 ms between tries) until it holds or `attempts` tries (about
/// 10 s by default) passed; returns whether it held. A generous timeout, not a timing assertion.
func eventually(attempts: Int = 2000, _ condition: () throws -> Bool) async rethrows -> Bool {
    for _ in 0..<attempts {
        if try condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return try condition()
}
