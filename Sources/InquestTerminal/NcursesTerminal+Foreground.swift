#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw

/// How a program run with ``NcursesTerminal/runInForeground(_:environment:)`` ended.
public enum ForegroundOutcome: Sendable, Hashable {
    /// It exited with this status (0 is success).
    case exited(Int32)
    /// A signal ended it.
    case signalled(Int32)
    /// It could not be started (`posix_spawn` failed with this errno).
    case notStarted(errno: Int32)
}

extension NcursesTerminal {
    /// Hands the terminal to another program (`$EDITOR`) and takes it back when it ends.
    ///
    /// curses' mode is saved (`def_prog_mode`) and the terminal restored (`endwin`: cooked mode,
    /// echo, normal screen, bracketed paste off); the program runs on the same controlling
    /// terminal in this process group — the foreground one — so it can read keys (a child in a
    /// process group of its own, as Foundation's `Process` makes, is a background job: vim's
    /// first read fails with "Error reading input"). Stop signals reach it with their default
    /// handling and an empty signal mask. After it ends the terminal attributes it may have left
    /// changed are put back, curses' mode restored (`reset_prog_mode`) and the next frame
    /// repaints every cell.
    ///
    /// - Parameter arguments: the program's path first, then its arguments.
    public func runInForeground(_ arguments: [String], environment: [String: String]) -> ForegroundOutcome {
        guard let program = arguments.first else { return .notStarted(errno: EINVAL) }
        handOver()
        var shellModes = termios()
        let savedModes = tcgetattr(STDIN_FILENO, &shellModes) == 0
        let outcome = Self.spawnAndWait(program: program, arguments: arguments, environment: environment)
        if savedModes { _ = tcsetattr(STDIN_FILENO, TCSADRAIN, &shellModes) }
        takeBack()
        return outcome
    }

    /// `def_prog_mode` then `endwin`: the terminal as the shell had it.
    private func handOver() {
        guard isStarted else { return }
        def_prog_mode()
        setMouseReporting(false)
        endwin()
        BracketedPasteMode.write(BracketedPasteMode.off)
        SignalTrap.setCursesActive(false)
    }

    /// `reset_prog_mode`, keys typed meanwhile dropped, and a full repaint on the next frame.
    private func takeBack() {
        guard isStarted, let window else { return }
        SignalTrap.setCursesActive(true)
        reset_prog_mode()
        setMouseReporting(reportsMouse)
        BracketedPasteMode.write(BracketedPasteMode.on)
        flushinp()
        clearok(window, true)
        wrefresh(window)
        previous = nil
    }

    /// `posix_spawn` (never `fork` in a threaded process) with stdin, stdout and stderr inherited,
    /// then `waitpid` until it ends (retrying on EINTR).
    static func spawnAndWait(program: String, arguments: [String], environment: [String: String]) -> ForegroundOutcome {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGPIPE] { sigaddset(&defaults, signalNumber) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid = pid_t()
        let spawned = posix_spawn(&pid, program, nil, &attributes, argv, envp)
        guard spawned == 0 else { return .notStarted(errno: spawned) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { return .notStarted(errno: errno) }
        }
        let signal = status & 0x7f
        if signal == 0 { return .exited((status >> 8) & 0xff) }
        return .signalled(signal)
    }
}
