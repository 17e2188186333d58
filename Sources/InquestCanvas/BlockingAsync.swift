import Dispatch
import Synchronization

/// Runs async work from the effect thread (a plain thread, never one of Swift's concurrency
/// pool, so blocking it starves nothing): waits for the work and returns or rethrows its result.
enum BlockingAsync {
    static func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let outcome = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task {
            let result: Result<T, any Error>
            do {
                result = .success(try await work())
            } catch {
                result = .failure(error)
            }
            outcome.withLock { $0 = result }
            done.signal()
        }
        done.wait()
        guard let result = outcome.withLock({ $0 }) else { throw CanvasError.team("the team operation ended without a result") }
        return try result.get()
    }
}
