import InquestCore

/// The `H` overlay: the watcher's feeds and their health, as last read from the store
/// (refreshed every tick while open).
public struct HealthOverlayState: Sendable, Hashable {
    /// The feeds' health rows; nil until the first load arrives.
    public var rows: [FeedHealth]?
    /// First visible feed row.
    public var scroll: Int

    public init(rows: [FeedHealth]? = nil, scroll: Int = 0) {
        self.rows = rows
        self.scroll = scroll
    }
}
