/// The `?` help overlay: lines generated from the command table and the bindings.
public struct HelpOverlayState: Sendable, Hashable {
    public var lines: [HelpLine]
    /// First visible line.
    public var scroll: Int

    public init(lines: [HelpLine], scroll: Int = 0) {
        self.lines = lines
        self.scroll = scroll
    }
}

/// One line of generated help: a group heading or a command with its keys.
public enum HelpLine: Sendable, Hashable {
    case group(String)
    case command(keys: String, name: String, help: String)
}
