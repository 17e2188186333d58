import InquestCore

/// The call tree of the selected event's trace, flattened for the details pane: one line per
/// span in depth-first order (``TraceTree/Line/depth`` gives the indentation).
public struct TraceTree: Sendable, Hashable {
    /// One span of the trace.
    public struct Line: Sendable, Hashable {
        /// 0 for a root, parent's depth + 1 below it.
        public var depth: Int
        /// The span id.
        public var spanID: String
        /// The service that recorded the span.
        public var service: String
        /// The operation (span name).
        public var operation: String
        /// Nanoseconds from the trace's first start to this span's start.
        public var offset: Int64
        /// The span's duration in nanoseconds.
        public var duration: Int64
        /// Whether the span failed.
        public var isError: Bool

        /// Creates a line.
        public init(depth: Int, spanID: String, service: String, operation: String, offset: Int64, duration: Int64, isError: Bool) {
            self.depth = depth
            self.spanID = spanID
            self.service = service
            self.operation = operation
            self.offset = offset
            self.duration = duration
            self.isError = isError
        }
    }

    /// The trace id.
    public var traceID: String
    /// Spans in display order.
    public var lines: [Line]
    /// The span of the selected event (highlighted), if it has one.
    public var selectedSpanID: String?

    /// Creates a tree.
    public init(traceID: String, lines: [Line], selectedSpanID: String? = nil) {
        self.traceID = traceID
        self.lines = lines
        self.selectedSpanID = selectedSpanID
    }

    /// From the first start to the last end, in nanoseconds (at least 1).
    public var totalDuration: Int64 {
        max(1, lines.map { $0.offset + $0.duration }.max() ?? 1)
    }
}
