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

    public init(theme: String = "dark", investigationID: Int64? = nil, filter: Filter = .everything, logPath: String? = nil, openedSources: [String] = []) {
        self.openedSources = openedSources
        self.theme = theme
        self.investigationID = investigationID
        self.filter = filter
        self.logPath = logPath
    }
}
