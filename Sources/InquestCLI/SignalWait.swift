import Foundation

/// SIGINT and SIGTERM for the long-running commands (`watch`, `receive`): the default action
/// (dying mid-transaction) is turned off and the handler runs on a dispatch queue instead.
enum SignalWait {
    /// Calls `handler` on each SIGINT or SIGTERM until the returned sources are cancelled.
    static func install(_ handler: @escaping @Sendable () -> Void) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler(handler: handler)
            source.resume()
            return source
        }
    }

    /// Blocks until SIGINT or SIGTERM arrives.
    static func untilInterrupted() {
        let done = DispatchSemaphore(value: 0)
        let sources = install { done.signal() }
        done.wait()
        sources.forEach { $0.cancel() }
    }
}
