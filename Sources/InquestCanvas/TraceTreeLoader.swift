import InquestCore
import InquestStore
import InquestViewModel

/// Loads the span tree of an event's trace for the details pane (part of the `loadDetail` effect).
enum TraceTreeLoader {
    /// Traces larger than this show their first spans only (the pane scrolls, but a 50k-span
    /// trace would make every keypress rebuild a huge detail).
    static let maximumSpans = 2_000

    /// The tree of `event`'s trace, or nil when it has no trace id or no stored spans.
    static func tree(of event: Event, store: InquestStore) throws -> TraceTree? {
        guard let traceID = event.traceID, !traceID.isEmpty else { return nil }
        let stored = try store.spans(traceID: traceID)
        guard !stored.isEmpty else { return nil }
        let spans = Array(stored.prefix(maximumSpans))
        let origin = spans.map(\.start).min() ?? Timestamp(nanoseconds: 0)
        let lines = SpanTree.build(Array(spans)).flatMap(\.flattened).map { node in
            TraceTree.Line(
                depth: node.depth, spanID: node.span.spanID, service: node.span.service, operation: node.span.operation,
                offset: Timestamp.span(from: origin, to: node.span.start), duration: node.span.duration, isError: node.span.status == .error)
        }
        return TraceTree(traceID: traceID.lowercased(), lines: lines, selectedSpanID: event.spanID?.lowercased())
    }
}
