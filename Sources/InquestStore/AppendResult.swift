/// What ``InquestStore/append(_:)`` did with a batch.
public struct AppendResult: Sendable, Hashable {
    /// Events newly stored.
    public var inserted: Int
    /// Events skipped because an event with the same dedupe key was already stored.
    public var duplicates: Int
    /// Row id of the first newly stored event (nil when none was stored).
    public var firstID: Int64?
    /// Row id of the last newly stored event (nil when none was stored).
    public var lastID: Int64?
    /// Dead letters stored (new, or an existing one whose attempts were incremented).
    public var deadLetters: Int

    public init(inserted: Int, duplicates: Int, firstID: Int64?, lastID: Int64?, deadLetters: Int) {
        self.inserted = inserted
        self.duplicates = duplicates
        self.firstID = firstID
        self.lastID = lastID
        self.deadLetters = deadLetters
    }
}
