/// Builds the call trees of the spans of one or more traces, for the details pane.
public enum SpanTree {
    /// Roots (sorted by start, then trace id) with their children attached.
    ///
    /// A span is a root when it has no parent or its parent is not among `spans` (an
    /// incomplete trace). Parents are looked up within the same trace. When several spans share
    /// an id (a Zipkin shared client/server span), the server half hangs under the client half,
    /// and other children prefer the half of their own service. Spans caught in a parent cycle
    /// become roots, so every span appears exactly once.
    public static func build(_ spans: [TraceSpan]) -> [SpanTreeNode] {
        var byID: [String: [Int]] = [:]
        for (index, span) in spans.enumerated() {
            byID[span.traceID + "/" + span.spanID, default: []].append(index)
        }
        var children = [[Int]](repeating: [], count: spans.count)
        var hasParent = [Bool](repeating: false, count: spans.count)
        for index in spans.indices {
            guard let parent = parentIndex(of: index, in: spans, byID: byID) else { continue }
            children[parent].append(index)
            hasParent[index] = true
        }
        let order: (Int, Int) -> Bool = { lhs, rhs in
            (spans[lhs].start, spans[lhs].traceID, lhs) < (spans[rhs].start, spans[rhs].traceID, rhs)
        }
        var placed = [Bool](repeating: false, count: spans.count)
        var roots: [SpanTreeNode] = []
        for index in spans.indices.filter({ !hasParent[$0] }).sorted(by: order) {
            roots.append(node(index, depth: 0, spans: spans, children: children, order: order, placed: &placed))
        }
        for index in spans.indices.sorted(by: order) where !placed[index] {
            roots.append(node(index, depth: 0, spans: spans, children: children, order: order, placed: &placed))
        }
        return roots.sorted { ($0.span.start, $0.span.traceID) < ($1.span.start, $1.span.traceID) }
    }

    private static func parentIndex(of index: Int, in spans: [TraceSpan], byID: [String: [Int]]) -> Int? {
        let span = spans[index]
        let sameID = byID[span.traceID + "/" + span.spanID, default: []]
        if span.kind == .server, let client = sameID.first(where: { $0 != index && spans[$0].kind == .client }) {
            return client
        }
        guard let parentID = span.parentSpanID else { return nil }
        let candidates = byID[span.traceID + "/" + parentID, default: []].filter { $0 != index }
        return candidates.first(where: { spans[$0].service == span.service && spans[$0].kind != .client })
            ?? candidates.first(where: { spans[$0].service == span.service })
            ?? candidates.first
    }

    private static func node(
        _ index: Int, depth: Int, spans: [TraceSpan], children: [[Int]], order: (Int, Int) -> Bool, placed: inout [Bool]
    ) -> SpanTreeNode {
        placed[index] = true
        var childNodes: [SpanTreeNode] = []
        for child in children[index].sorted(by: order) where !placed[child] {
            childNodes.append(node(child, depth: depth + 1, spans: spans, children: children, order: order, placed: &placed))
        }
        let span = spans[index]
        return SpanTreeNode(
            span: span, depth: depth, selfTime: selfTime(of: span, children: childNodes.map(\.span)), children: childNodes)
    }

    /// Duration minus the union of the children's intervals clipped to the span.
    static func selfTime(of span: TraceSpan, children: [TraceSpan]) -> Int64 {
        let lower = span.start.nanoseconds
        let upper = span.end.nanoseconds
        let intervals = children
            .map { (max(lower, $0.start.nanoseconds), min(upper, $0.end.nanoseconds)) }
            .filter { $0.0 < $0.1 }
            .sorted { $0.0 < $1.0 }
        var covered: Int64 = 0
        var current: (Int64, Int64)?
        for interval in intervals {
            if let open = current, interval.0 <= open.1 {
                current = (open.0, max(open.1, interval.1))
            } else {
                if let open = current { covered += open.1 - open.0 }
                current = interval
            }
        }
        if let open = current { covered += open.1 - open.0 }
        return max(0, span.duration - covered)
    }
}
