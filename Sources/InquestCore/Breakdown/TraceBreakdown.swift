/// Spans per service in a window against a baseline window, from the stored spans (a span
/// belongs to the window its start falls in). Sorted by error spans in the window, then by
/// span count, then by name.
public struct TraceBreakdown: Sendable, Hashable {
    public var window: Range<Timestamp>
    public var baselineWindow: Range<Timestamp>
    public var rows: [TraceBreakdownRow]

    public init(window: Range<Timestamp>, baselineWindow: Range<Timestamp>, rows: [TraceBreakdownRow]) {
        self.window = window
        self.baselineWindow = baselineWindow
        self.rows = rows.sorted { lhs, rhs in
            if lhs.window.errorSpans != rhs.window.errorSpans { return lhs.window.errorSpans > rhs.window.errorSpans }
            if lhs.window.spans != rhs.window.spans { return lhs.window.spans > rhs.window.spans }
            return lhs.service < rhs.service
        }
    }
}
