/// Why the canvas could not start or had to stop.
public enum CanvasError: Error, Sendable, CustomStringConvertible {
    /// Standard input or output is not a terminal (the canvas needs one).
    case notATerminal
    /// The theme could not be loaded.
    case theme(String)
    /// The user keymap file has an error.
    case keymap(String)
    /// The settings file (`$XDG_CONFIG_HOME/inquest/config`) has an error or cannot be read.
    case config(String)
    /// The store failed in a way the canvas cannot show in its status line.
    case store(String)

    public var description: String {
        switch self {
        case .notATerminal:
            "the canvas needs a terminal (stdin and stdout must be a TTY); use `inquest query` in scripts"
        case .theme(let message):
            "theme: \(message)"
        case .keymap(let message):
            "keymap: \(message)"
        case .config(let message):
            "config: \(message)"
        case .store(let message):
            message
        }
    }
}
