/// Everything that can go wrong in InquestTerminal.
public enum TerminalError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Standard input or output is not a terminal (piped or redirected), so the canvas cannot run.
    case notATerminal(stream: String)
    /// curses could not set up the terminal, usually because `TERM` names no terminfo entry.
    case initializationFailed(term: String)

    public var description: String {
        switch self {
        case .notATerminal(let stream):
            return "\(stream) is not a terminal: run the canvas in an interactive terminal, not through a pipe or redirect."
        case .initializationFailed(let term):
            return "curses could not initialise the terminal (TERM=\(term)). "
                + "Set TERM to a terminal type installed in terminfo, e.g. xterm-256color."
        }
    }
}
