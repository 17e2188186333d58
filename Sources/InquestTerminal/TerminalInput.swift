import InquestViewModel

/// One thing ``NcursesTerminal/readKey(timeoutMilliseconds:)`` can report.
public enum TerminalInput: Sendable, Hashable {
    /// A key press, decoded.
    case key(KeyPress)
    /// A mouse button pressed or the wheel turned (only while mouse reporting is on).
    case mouse(MouseEvent)
    /// Text pasted in one piece (a bracketed paste), sanitised (``PastedText/sanitized(_:)``).
    case pasted(String)
    /// The terminal now has this size (curses has already updated its own).
    case resize(width: Int, height: Int)
    /// SIGINT, SIGTERM or SIGHUP arrived: stop the loop, call ``NcursesTerminal/stop()`` and exit.
    /// ``NcursesTerminal/interruptSignal`` says which.
    case interrupted
}
