import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The write end of the pipe that ``SignalWait``'s signal handler writes to. A plain global
/// (set before the handler is installed) so the handler does nothing but `write(2)`, which is
/// async-signal-safe.
private nonisolated(unsafe) var signalPipeWriteEnd: Int32 = -1

/// The SIGINT/SIGTERM handler: one byte into the pipe; the listening thread does the rest.
private func writeSignalToPipe(_ number: Int32) {
    var byte = UInt8(truncatingIfNeeded: number)
    _ = write(signalPipeWriteEnd, &byte, 1)
}

/// SIGINT and SIGTERM for the long-running commands (`watch`, `receive`): the default action
/// (dying mid-transaction) is replaced by a handler that wakes a listening thread, which calls
/// the command's handler.
///
/// Why not a dispatch signal source: that idiom sets the signal to SIG_IGN and relies on the
/// source to see it, which on Linux left a window around start-up where SIGTERM was discarded.
/// A handler installed with `signal(2)` takes effect at once, and the pipe keeps every signal
/// until the thread reads it. A signal before `install` takes its default action. (The end-to-end crash test found a watcher that never exited
/// after SIGTERM; the main cause was a signal mask inherited from the test runner, which
/// ``unblockStopSignals()`` now clears.)
enum SignalWait {
    /// Calls `handler` on each SIGINT or SIGTERM (on a thread of its own) until cancelled.
    static func install(_ handler: @escaping @Sendable () -> Void) -> Listener {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            // No pipe (out of descriptors): keep the default action, which at least stops the process.
            return Listener()
        }
        signalPipeWriteEnd = ends[1]
        signal(SIGINT, writeSignalToPipe)
        signal(SIGTERM, writeSignalToPipe)
        let readEnd = ends[0]
        let listener = Listener()
        let thread = Thread {
            var byte: UInt8 = 0
            while read(readEnd, &byte, 1) == 1 {
                if listener.isCancelled { return }
                handler()
            }
        }
        thread.name = "inquest.signals"
        thread.start()
        return listener
    }

    /// Unblocks SIGINT, SIGTERM and SIGHUP for this thread and every thread started after it.
    /// Called first thing in `main`: a process inherits its parent's signal mask, and a parent
    /// that blocks these (a test runner's worker thread, some supervisors) would otherwise leave
    /// `inquest watch` deaf to SIGTERM and the canvas unable to restore the terminal on SIGHUP.
    static func unblockStopSignals() {
        var set = sigset_t()
        sigemptyset(&set)
        for number in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&set, number) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Blocks until SIGINT or SIGTERM arrives.
    static func untilInterrupted() {
        let done = DispatchSemaphore(value: 0)
        let listener = install { done.signal() }
        done.wait()
        listener.cancel()
    }

    /// Stops calling the handler: later signals take their default action again.
    final class Listener: @unchecked Sendable {
        private let lock = NSLock()
        private var cancelled = false

        var isCancelled: Bool {
            lock.lock()
            defer { lock.unlock() }
            return cancelled
        }

        func cancel() {
            lock.lock()
            cancelled = true
            lock.unlock()
            signal(SIGINT, SIG_DFL)
            signal(SIGTERM, SIG_DFL)
        }
    }
}
