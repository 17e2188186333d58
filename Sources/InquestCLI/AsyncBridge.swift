import Dispatch
import Synchronization

/// Runs async work from the synchronous commands (the root command is synchronous): blocks the
/// calling thread until the work finishes and returns its result or rethrows its error.
enum AsyncBridge {
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
        guard let result = outcome.withLock({ $0 }) else { throw CLIFailure("internal: async work finished without a result") }
        return try result.get()
    }
}
