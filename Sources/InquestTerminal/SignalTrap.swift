#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw
import Synchronization

/// The signal number of the last SIGINT/SIGTERM/SIGHUP, or 0. Written only by the handler.
private let pendingSignal = Atomic<Int32>(0)
/// True while curses owns the terminal, so the `atexit` hook knows whether to call `endwin`.
private let cursesActive = Atomic<Bool>(false)
/// True once the handlers and the `atexit` hook are installed (they are installed once per process).
private let trapInstalled = Atomic<Bool>(false)

/// Signal handling for the terminal: handlers that only record the signal (async-signal-safe),
/// polled by the read loop; and an `atexit` hook that restores the terminal as a last resort.
enum SignalTrap {
    /// The signals that end the canvas.
    static let stopSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Installs the handlers and the `atexit` hook. Must run before curses initialises: curses
    /// installs its own SIGINT/SIGTERM handlers only where the disposition is still the default.
    static func install() {
        guard trapInstalled.compareExchange(expected: false, desired: true, ordering: .sequentiallyConsistent).exchanged
        else { return }
        for signalNumber in stopSignals {
            _ = signal(signalNumber) { received in
                pendingSignal.store(received, ordering: .sequentiallyConsistent)
            }
        }
        atexit {
            if cursesActive.load(ordering: .sequentiallyConsistent) {
                endwin()
                BracketedPasteMode.write(BracketedPasteMode.off)
                BracketedPasteMode.write(MouseReportingMode.off)
            }
        }
    }

    /// Whether curses currently owns the terminal (read by the fatal-signal handler; lock-free).
    static var isCursesActive: Bool { cursesActive.load(ordering: .sequentiallyConsistent) }

    /// Records whether curses currently owns the terminal.
    static func setCursesActive(_ active: Bool) {
        cursesActive.store(active, ordering: .sequentiallyConsistent)
    }

    /// The pending stop signal, if any (it stays pending: the canvas is expected to stop).
    static var pending: Int32? {
        let value = pendingSignal.load(ordering: .sequentiallyConsistent)
        return value == 0 ? nil : value
    }
}
