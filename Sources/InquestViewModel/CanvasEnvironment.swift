import InquestCore

/// What the reducer needs from outside: the clock, the zone, the user and the key bindings.
/// Tests pass fixed values. The filter language is not here: the reducer parses what the
/// user types with ``Filter/parse(_:)`` itself, once, so tests run the real language.
public struct CanvasEnvironment: Sendable {
    /// The current time.
    public var now: Timestamp
    /// Seconds east of UTC of the local zone.
    public var localOffsetSeconds: Int64
    /// Author of notes and owner of new investigations.
    public var userName: String
    /// Key bindings (defaults plus the user's overrides).
    public var keymap: Keymap

    public init(
        now: Timestamp,
        localOffsetSeconds: Int64 = 0,
        userName: String = "",
        keymap: Keymap = .defaults
    ) {
        self.now = now
        self.localOffsetSeconds = localOffsetSeconds
        self.userName = userName
        self.keymap = keymap
    }
}
