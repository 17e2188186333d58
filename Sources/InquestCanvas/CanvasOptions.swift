import InquestCore

/// How the canvas opens: theme and preselection.
public struct CanvasOptions: Sendable {
    /// Theme name (`dark`, `light`, `high-contrast`, `monochrome`, or a file in the user's theme folder).
    public var theme: String
    /// Preselect this investigation.
    public var investigationID: Int64?
    /// Start with this filter applied (parsed where it was given, e.g. `--filter`).
    public var filter: Filter
    /// Path of the log file (never the screen).
    public var logPath: String?

    public init(theme: String = "dark", investigationID: Int64? = nil, filter: Filter = .everything, logPath: String? = nil) {
        self.theme = theme
        self.investigationID = investigationID
        self.filter = filter
        self.logPath = logPath
    }
}
