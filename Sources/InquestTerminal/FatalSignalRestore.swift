#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The address of the terminal modes before curses took the terminal, for the fatal-signal
/// handler (allocated once, never freed; 0 until the canvas starts). An address, not a pointer,
/// so the global is Sendable.
private let savedModes = Atomic<UInt>(0)
/// The dispositions the fatal-signal handler replaced, indexed like ``FatalSignalRestore/signals``
/// (the Swift runtime's backtracer, or the default), so the handler can hand the signal on
/// (an address, 0 until installed).
private let previousActions = Atomic<UInt>(0)
/// True once the fatal-signal handlers are installed.
private let fatalInstalled = Atomic<Bool>(false)
/// Set by the first fatal signal, so a second one while restoring does not restore again.
private let fatalEntered = Atomic<Bool>(false)

/// Restores the terminal when the process dies of a fatal signal (a crash: SIGSEGV, SIGILL,
/// SIGBUS, SIGABRT, SIGFPE, SIGTRAP) while curses owns it, then lets the signal take its
/// previous course (the Swift runtime's backtrace, or the default action: death with a core).
///
/// The handler may only do async-signal-safe work: it writes a fixed escape sequence with
/// `write(2)` and sets the saved terminal modes with `tcsetattr`, never `endwin` (which
/// allocates and flushes stdio). It runs on an alternate signal stack, so a stack overflow can
/// still be handled.
enum FatalSignalRestore {
    /// The signals of a crash.
    static let signals: [Int32] = [SIGSEGV, SIGILL, SIGBUS, SIGABRT, SIGFPE, SIGTRAP]

    /// What leaves the screen curses set up: attributes off, scroll region reset, keypad
    /// transmit and bracketed paste off, cursor shown, out of the alternate screen, and a new line.
    static let restoreSequence: StaticString = "\u{1B}[0m\u{1B}[r\u{1B}[?1l\u{1B}>\u{1B}[?2004l\u{1B}[?1000l\u{1B}[?1006l\u{1B}[?25h\u{1B}[?1049l\r\n"

    /// Remembers the terminal's modes (call before curses changes them) and installs the
    /// handlers, once per process.
    static func install() {
        if savedModes.load(ordering: .sequentiallyConsistent) == 0 {
            let modes = UnsafeMutablePointer<termios>.allocate(capacity: 1)
            if tcgetattr(STDIN_FILENO, modes) == 0 {
                savedModes.store(UInt(bitPattern: modes), ordering: .sequentiallyConsistent)
            } else {
                modes.deallocate()
            }
        }
        guard fatalInstalled.compareExchange(expected: false, desired: true, ordering: .sequentiallyConsistent).exchanged
        else { return }
        installAlternateStack()
        let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: signals.count)
        previous.initialize(repeating: sigaction(), count: signals.count)
        for (index, signalNumber) in signals.enumerated() {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = fatalSignalReceived
            #else
            action.__sigaction_u.__sa_handler = fatalSignalReceived
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(SA_ONSTACK)
            _ = sigaction(signalNumber, &action, previous + index)
        }
        previousActions.store(UInt(bitPattern: previous), ordering: .sequentiallyConsistent)
    }

    /// Writes ``restoreSequence`` to `descriptor` and restores the saved modes on it (the
    /// handler's work, exposed for tests). Async-signal-safe.
    static func restoreTerminal(descriptor: Int32) {
        if let modes = UnsafeMutablePointer<termios>(bitPattern: savedModes.load(ordering: .sequentiallyConsistent)) {
            _ = tcsetattr(descriptor, TCSANOW, modes)
        }
        BracketedPasteMode.write(restoreSequence, to: descriptor)
    }

    /// A stack for the handler, so a stack overflow (a fault on the guard page) can be handled.
    private static func installAlternateStack() {
        var current = stack_t()
        guard sigaltstack(nil, &current) == 0, current.ss_flags & Int32(SS_DISABLE) != 0 else { return }
        let size = 64 * 1024
        guard let memory = malloc(size) else { return }
        var alternate = stack_t()
        alternate.ss_sp = memory
        alternate.ss_size = size
        alternate.ss_flags = 0
        if sigaltstack(&alternate, nil) != 0 { free(memory) }
    }

    /// The previous disposition of `signalNumber`, or the default.
    fileprivate static func handOn(_ signalNumber: Int32) {
        var action = sigaction()
        if let previous = UnsafeMutablePointer<sigaction>(bitPattern: previousActions.load(ordering: .sequentiallyConsistent)),
           let index = signals.firstIndex(of: signalNumber) {
            action = previous[index]
        } else {
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = SIG_DFL
            #else
            action.__sigaction_u.__sa_handler = SIG_DFL
            #endif
        }
        _ = sigaction(signalNumber, &action, nil)
    }
}

/// The fatal-signal handler: leave curses if it owns the terminal, restore the previous
/// disposition and raise the signal again (it is delivered when the handler returns; a fault
/// also recurs when the faulting instruction runs again).
private func fatalSignalReceived(_ signalNumber: Int32) {
    if !fatalEntered.exchange(true, ordering: .sequentiallyConsistent), SignalTrap.isCursesActive {
        FatalSignalRestore.restoreTerminal(descriptor: STDOUT_FILENO)
    }
    FatalSignalRestore.handOn(signalNumber)
    _ = raise(signalNumber)
}
