/// How far one input (a file, a feed) has been ingested; stored with the events it covers.
public struct Checkpoint: Sendable, Hashable {
    /// Identifies the input, e.g. `file:/var/log/app.log`.
    public var key: String
    /// Opaque resume position chosen by the ingester (a byte offset, a cursor, an inode + offset...).
    public var position: String

    public init(key: String, position: String) {
        self.key = key
        self.position = position
    }
}
