import Dispatch
import Synchronization

/// Runs async work from a plain thread — a synchronous command (the CLI's root command is
/// synchronous) or the canvas's effect thread, never one of Swift's concurrency pool, so
/// blocking it starves nothing: waits for the work and returns its result or rethrows its error.
public enum BlockingAsync {
    public static func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let outcome = Mutex<Result<T, any Error>>(.failure(CancellationError()))
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
        return try outcome.withLock { $0 }.get()
    }
}
