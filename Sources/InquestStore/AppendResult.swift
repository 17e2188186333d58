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
    /// Metric samples newly stored (already stored ones are not counted).
    public var samplesInserted: Int
    /// Spans newly stored (already stored ones are not counted).
    public var spansInserted: Int

    public init(
        inserted: Int, duplicates: Int, firstID: Int64?, lastID: Int64?, deadLetters: Int,
        samplesInserted: Int = 0, spansInserted: Int = 0
    ) {
        self.samplesInserted = samplesInserted
        self.spansInserted = spansInserted
        self.inserted = inserted
        self.duplicates = duplicates
        self.firstID = firstID
        self.lastID = lastID
        self.deadLetters = deadLetters
    }
}
