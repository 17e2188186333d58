/// One span placed in its trace's call tree (see ``SpanTree``).
public struct SpanTreeNode: Sendable, Hashable {
    /// The span itself.
    public var span: TraceSpan
    /// 0 for a root, parent's depth + 1 below it.
    public var depth: Int
    /// The span's duration minus the time covered by its children (clipped to the span and
    /// with overlapping children counted once), in nanoseconds.
    public var selfTime: Int64
    /// Child spans, sorted by start time.
    public var children: [SpanTreeNode]

    public init(span: TraceSpan, depth: Int, selfTime: Int64, children: [SpanTreeNode]) {
        self.span = span
        self.depth = depth
        self.selfTime = selfTime
        self.children = children
    }

    /// This node and its descendants in depth-first (display) order.
    public var flattened: [SpanTreeNode] {
        var out: [SpanTreeNode] = [self]
        for child in children { out += child.flattened }
        return out
    }

    /// The deepest depth in this subtree.
    public var maximumDepth: Int {
        children.map(\.maximumDepth).max() ?? depth
    }
}
