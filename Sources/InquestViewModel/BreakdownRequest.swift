import InquestCore

/// A breakdown to read from the store (the payload of ``CanvasEffect/loadBreakdown(requestID:_:)``).
public struct BreakdownRequest: Sendable, Hashable {
    /// The timeline's query: the applied filter in its scope.
    public var query: TimelineQuery
    public var mode: BreakdownOverlayState.Mode
    public var dimensions: [BreakdownDimension]
    /// The window; the baseline is the window of equal length just before it.
    public var window: Range<Timestamp>
    /// The most rows to read.
    public var limit: Int

    public init(query: TimelineQuery, mode: BreakdownOverlayState.Mode, dimensions: [BreakdownDimension], window: Range<Timestamp>, limit: Int = 500) {
        self.query = query
        self.mode = mode
        self.dimensions = dimensions
        self.window = window
        self.limit = limit
    }
}
