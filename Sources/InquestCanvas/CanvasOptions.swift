import InquestCore

/// How the canvas opens: theme, preselection and the files it opens on.
public struct CanvasOptions: Sendable {
    /// Theme name (`dark`, `light`, `high-contrast`, `monochrome`, or a file in the user's theme folder).
    public var theme: String
    /// Preselect this investigation.
    public var investigationID: Int64?
    /// Start with this filter applied (parsed where it was given, e.g. `--filter`).
    public var filter: Filter
    /// Path of the log file (never the screen).
    public var logPath: String?
    /// Source names of the files the canvas opens on (`inquest FILE...`): the timeline starts
    /// scoped to them. Empty for the whole store.
    public var openedSources: [String]
    /// Open on this event, shown in its context (`--event ID`).
    public var eventID: Int64?
    /// `y`/`Y` copy through the terminal (OSC 52); off with `--no-clipboard` (or
    /// `clipboard = off` in the settings file).
    public var clipboard: Bool
    /// Clicks and the wheel reach the canvas; off with `--no-mouse` (or `mouse = off` in the
    /// settings file).
    public var mouse: Bool
    /// The store's path, for event links (`inquest --db PATH --event ID`).
    public var storePath: String?

    public init(theme: String = "dark", investigationID: Int64? = nil, filter: Filter = .everything, logPath: String? = nil, openedSources: [String] = [], eventID: Int64? = nil, clipboard: Bool = true, mouse: Bool = true, storePath: String? = nil) {
        self.clipboard = clipboard
        self.mouse = mouse
        self.storePath = storePath
        self.openedSources = openedSources
        self.eventID = eventID
        self.theme = theme
        self.investigationID = investigationID
        self.filter = filter
        self.logPath = logPath
    }

    /// `inquest --db '/path/store.db' --event 42`: a command line that opens the canvas on the
    /// event (the path quoted for a POSIX shell).
    public func eventLink(_ eventID: Int64) -> String {
        guard let storePath else { return "inquest --event \(eventID)" }
        return "inquest --db '" + storePath.replacingOccurrences(of: "'", with: "'\\''") + "' --event \(eventID)"
    }
}
