import Testing

@testable import InquestCore

@Suite("Span tree")
struct SpanTreeTests {
    static func span(_ id: String, parent: String?, start: Int64, duration: Int64, trace: String = "t") -> TraceSpan {
        TraceSpan(
            traceID: trace, spanID: id, parentSpanID: parent, service: "s", operation: "op-\(id)",
            start: Timestamp(nanoseconds: start), duration: duration)
    }

    @Test("attaches children sorted by start, with depth and self time minus overlapping children")
    func buildsTree() {
        let spans = [
            Self.span("c2", parent: "r", start: 50, duration: 30),
            Self.span("g", parent: "c1", start: 15, duration: 5),
            Self.span("r", parent: nil, start: 0, duration: 100),
            Self.span("c1", parent: "r", start: 10, duration: 50),
        ]
        let roots = SpanTree.build(spans)

        #expect(roots.count == 1)
        let root = roots[0]
        #expect(root.span.spanID == "r")
        #expect(root.children.map(\.span.spanID) == ["c1", "c2"])
        #expect(root.selfTime == 100 - 70, "children cover 10..80 once")
        #expect(root.children[0].children.map(\.span.spanID) == ["g"])
        #expect(root.children[0].children[0].depth == 2)
        #expect(root.children[0].selfTime == 45)
        #expect(root.maximumDepth == 2)
        #expect(root.flattened.map(\.span.spanID) == ["r", "c1", "g", "c2"])
    }

    @Test("an orphan whose parent is missing, and a parent cycle, become roots so no span is lost")
    func orphansAndCycles() {
        let spans = [
            Self.span("a", parent: "missing", start: 5, duration: 1),
            Self.span("x", parent: "y", start: 1, duration: 1),
            Self.span("y", parent: "x", start: 2, duration: 1),
        ]
        let roots = SpanTree.build(spans)
        #expect(roots.flatMap(\.flattened).count == 3)
        #expect(roots.map(\.span.spanID).contains("a"))
    }

    @Test("looks parents up within the same trace")
    func parentsWithinTrace() {
        let spans = [
            Self.span("r", parent: nil, start: 0, duration: 10, trace: "t1"),
            Self.span("c", parent: "r", start: 1, duration: 1, trace: "t2"),
        ]
        #expect(SpanTree.build(spans).count == 2)
    }
}
