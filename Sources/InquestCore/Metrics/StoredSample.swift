/// One stored sample of a series (its time and value), as read back from the store.
public struct StoredSample: Sendable, Hashable {
    /// When the value was observed.
    public var timestamp: Timestamp
    /// The value; `NaN` for a gap.
    public var value: Double

    /// Creates a sample.
    public init(timestamp: Timestamp, value: Double) {
        self.timestamp = timestamp
        self.value = value
    }
}
