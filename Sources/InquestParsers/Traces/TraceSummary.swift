import InquestCore

/// What one trace of a batch of spans amounts to: its root (or, when the root is missing, its
/// earliest span as the anchor), how many spans and failed spans it has, and how long it took.
/// ``SpanEventizer`` turns each into one `trace` event; any span source (trace documents, CSV
/// span rows) gets them by handing its spans to ``SpanEventizer/eventize(_:sourceName:sourceIdentity:)``.
struct TraceSummary: Sendable, Hashable {
    /// The trace id (lower-case hex, as the parsers write it).
    var traceID: String
    /// The root span: the earliest span without a parent. Nil for a partial trace.
    var root: TraceSpan?
    /// The span the trace's event is placed and named after: the root, or the earliest span
    /// (by start, then position in the input) when the root is missing.
    var anchor: TraceSpan
    /// The anchor's index in the spans as given (the event's dedupe offset).
    var anchorIndex: Int
    /// How many spans the batch holds for this trace.
    var spanCount: Int
    /// How many of them failed (``SpanStatus/error``).
    var errorCount: Int
    /// From the earliest start to the latest end of the trace's spans, in nanoseconds: the
    /// root's duration for a well-formed trace, and what the details pane's tree spans.
    var duration: Int64

    /// One summary per trace id in `spans`, in the order each trace first appears. Linear in
    /// the number of spans; no recursion on the input.
    static func summaries(of spans: [TraceSpan]) -> [TraceSummary] {
        var order: [String] = []
        var byTrace: [String: Accumulator] = [:]
        for (index, span) in spans.enumerated() {
            if var accumulator = byTrace[span.traceID] {
                accumulator.add(span, index: index)
                byTrace[span.traceID] = accumulator
            } else {
                order.append(span.traceID)
                byTrace[span.traceID] = Accumulator(span, index: index)
            }
        }
        return order.compactMap { byTrace[$0]?.summary }
    }

    /// The running state of one trace while its spans are read.
    private struct Accumulator {
        var root: (span: TraceSpan, index: Int)?
        var earliest: (span: TraceSpan, index: Int)
        var spanCount = 0
        var errorCount = 0
        var start: Int64
        var end: Int64

        init(_ span: TraceSpan, index: Int) {
            earliest = (span, index)
            start = span.start.nanoseconds
            end = span.end.nanoseconds
            add(span, index: index)
        }

        mutating func add(_ span: TraceSpan, index: Int) {
            spanCount += 1
            if span.status == .error { errorCount += 1 }
            start = min(start, span.start.nanoseconds)
            end = max(end, span.end.nanoseconds)
            if Self.precedes(span, index, earliest) { earliest = (span, index) }
            if span.parentSpanID?.isEmpty ?? true, root.map({ Self.precedes(span, index, $0) }) ?? true {
                root = (span, index)
            }
        }

        /// Earlier start first; the same start goes to the span given first.
        private static func precedes(_ span: TraceSpan, _ index: Int, _ other: (span: TraceSpan, index: Int)) -> Bool {
            (span.start, index) < (other.span.start, other.index)
        }

        var summary: TraceSummary {
            let anchor = root ?? earliest
            return TraceSummary(
                traceID: anchor.span.traceID, root: root?.span, anchor: anchor.span, anchorIndex: anchor.index,
                spanCount: spanCount, errorCount: errorCount, duration: max(0, Timestamp.span(from: Timestamp(nanoseconds: start), to: Timestamp(nanoseconds: end))))
        }
    }
}
