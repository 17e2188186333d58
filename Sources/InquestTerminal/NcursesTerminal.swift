#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CNcursesw
import Foundation
import InquestRender
import InquestViewModel

/// The ncurses backend: the only code that talks to the terminal.
///
/// It receives whole ``CellBuffer`` frames and writes only the cells that changed since the last
/// frame (``BufferDiff``), and decodes input into ``TerminalInput``. curses is not thread-safe:
/// create, use and stop one instance on a single thread or actor (the canvas's event loop).
///
/// The terminal is always restored: call ``stop()`` on every exit path (`defer`); SIGINT, SIGTERM
/// and SIGHUP only set a flag that ``readKey(timeoutMilliseconds:)`` reports as
/// ``TerminalInput/interrupted``; and an `atexit` hook calls `endwin` if the process exits while
/// curses still owns the screen. `deinit` stops too.
public final class NcursesTerminal {
    /// The environment read for `NO_COLOR` and `TERM`.
    let environment: [String: String]
    /// Mouse presses and the wheel are reported (``TerminalInput/mouse(_:)``).
    let reportsMouse: Bool
    var screen: OpaquePointer?
    var window: UnsafeMutablePointer<WINDOW>?
    /// The frame currently on screen; nil forces a full redraw.
    var previous: CellBuffer?
    var pairs = ColorPairTable(capacity: 0)
    /// Curses attributes and pair per role, for ``lastTheme``.
    var styleCache: [StyleRole: CursesStyle] = [:]
    var lastTheme: Theme?
    /// The theme as drawn: colourless under NO_COLOR or on a terminal without colours.
    var preparedTheme: Theme?
    /// Input decoded but not yet returned (the key after a lone ESC, a resize after a flush).
    var pendingInputs: [TerminalInput] = []
    /// Assembles ESC sequences and bracketed pastes from curses' reads.
    var decoder = KeySequenceDecoder()
    /// When the last character of an unfinished paste arrived.
    var lastPasteInput: ContinuousClock.Instant?
    var defaultColorsAvailable = false

    /// Colours the terminal offers as used for drawing: 0 (none, or `NO_COLOR`), 8, 16 or 256.
    public private(set) var colorCount = 0
    /// True between ``start()`` and ``stop()``.
    public private(set) var isStarted = false

    /// - Parameters:
    ///   - environment: read for `NO_COLOR` (non-empty: attributes only) and `TERM`.
    ///   - mouse: report button presses and the wheel (xterm's mouse mode 1000, which terminals
    ///     bypass while Shift is held, so Shift-drag still selects text). Off: the terminal
    ///     keeps the mouse to itself.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment, mouse: Bool = false) {
        self.environment = environment
        self.reportsMouse = mouse
    }

    deinit {
        stop()
    }

    /// Takes over the terminal: locale, curses screen, raw keys without echo, no newline
    /// translation, keypad decoding, hidden cursor, 25 ms ESC delay, colours (with the terminal's
    /// default colours when available), mouse reporting of presses and the wheel when asked
    /// for (else off), bracketed paste on (so a paste arrives as one ``TerminalInput/pasted(_:)``).
    ///
    /// - Throws: ``TerminalError`` when stdin/stdout is not a terminal or curses cannot start.
    public func start() throws {
        guard !isStarted else { return }
        guard isatty(STDIN_FILENO) == 1 else { throw TerminalError.notATerminal(stream: "standard input") }
        guard isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal(stream: "standard output") }
        SignalTrap.install()
        FatalSignalRestore.install()
        setlocale(LC_ALL, "")
        set_escdelay(25)
        guard let newScreen = inquest_newterm(), let newWindow = inquest_stdscr() else {
            throw TerminalError.initializationFailed(term: environment["TERM"] ?? "(unset)")
        }
        screen = newScreen
        window = newWindow
        isStarted = true
        SignalTrap.setCursesActive(true)
        raw()
        noecho()
        nonl()
        keypad(newWindow, true)
        curs_set(0)
        setMouseReporting(reportsMouse)
        BracketedPasteMode.write(BracketedPasteMode.on)
        decoder = KeySequenceDecoder()
        pendingInputs = []
        colorCount = 0
        defaultColorsAvailable = false
        if has_colors() {
            start_color()
            defaultColorsAvailable = use_default_colors() == OK
            let available = Int(inquest_colors())
            colorCount = available >= 256 ? 256 : available >= 16 ? 16 : available >= 8 ? 8 : 0
        }
        if Theme.noColorRequested(environment: environment) { colorCount = 0 }
        pairs = ColorPairTable(capacity: colorCount > 0 ? Int(inquest_color_pairs()) : 0)
        styleCache = [:]
        lastTheme = nil
        previous = nil
    }

    /// The terminal size in cells (0×0 before ``start()``).
    public var size: (width: Int, height: Int) {
        guard let window else { return (0, 0) }
        return (Int(getmaxx(window)), Int(getmaxy(window)))
    }

    /// The stop signal received (SIGINT, SIGTERM or SIGHUP), if any; an exit status is `128 + signal`.
    public var interruptSignal: Int32? { SignalTrap.pending }

    /// Restores the terminal (`endwin`, bracketed paste off) and releases curses. Safe to call
    /// more than once.
    public func stop() {
        guard isStarted else { return }
        setMouseReporting(false)
        endwin()
        BracketedPasteMode.write(BracketedPasteMode.off)
        SignalTrap.setCursesActive(false)
        if let screen { delscreen(screen) }
        screen = nil
        window = nil
        isStarted = false
        previous = nil
    }

    /// Turns the terminal's mouse reporting on (presses and the wheel, in the SGR encoding) or
    /// off. curses' own mouse support stays off: the decoder reads the reports.
    func setMouseReporting(_ on: Bool) {
        mousemask(0, nil)
        BracketedPasteMode.write(on ? MouseReportingMode.on : MouseReportingMode.off)
    }
}
