/// Everything that can go wrong in the watcher. Each message says what, where and what to do.
public enum WatchError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The config file could not be read.
    case unreadableConfig(path: String, reason: String)
    /// The config file is not valid: `line` is 1-based (0 when unknown), `field` the YAML path.
    case invalidConfig(path: String, line: Int, field: String, reason: String)
    /// A followed file or its directory could not be read.
    case unreadableFile(path: String, reason: String)
    /// This watcher no longer holds the lease of a feed (another watcher took it over).
    case leaseLost(feed: String, owner: String)
    /// An external command (git) failed.
    case commandFailed(command: String, status: Int32, message: String)

    /// Whether retrying cannot help (the supervisor marks the feed `failed` instead of restarting it).
    public var isPermanent: Bool {
        switch self {
        case .unreadableConfig, .invalidConfig: true
        case .unreadableFile, .leaseLost, .commandFailed: false
        }
    }

    public var description: String {
        switch self {
        case let .unreadableConfig(path, reason):
            "cannot read the watch config \(path): \(reason). Check the path and its permissions."
        case let .invalidConfig(path, line, field, reason):
            "\(path):\(line): \(field): \(reason). Fix the config (see examples/watch.yaml) and restart."
        case let .unreadableFile(path, reason):
            "cannot read \(path): \(reason). The feed retries with backoff; check the path and permissions."
        case let .leaseLost(feed, owner):
            "feed \(feed): the lease is now held by \(owner); this watcher stops the feed and waits to take it back."
        case let .commandFailed(command, status, message):
            "\(command) exited with status \(status): \(message). The feed retries with backoff."
        }
    }
}
