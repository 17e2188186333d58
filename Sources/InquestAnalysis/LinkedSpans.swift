import InquestCore

/// The spans of one analysis linked into their traces: each span's parent and children (by
/// position in ``spans``) and its *entry*, the span through which its service received the
/// request (the nearest ancestor-or-self whose parent is missing or belongs to another service).
struct LinkedSpans: Sendable {
    let spans: [TraceSpan]
    /// Each span's parent's position, nil when the parent is not among the spans.
    private(set) var parents: [Int?] = []
    /// Each span's children's positions.
    private(set) var children: [Int: [Int]] = [:]
    /// Each span's entry span's position (itself for an entry span).
    private(set) var entries: [Int] = []
    private var positions: [String: Int] = [:]

    /// Ancestors followed at most when looking for an entry (bounds the work on a cyclic or pathological trace).
    static let maximumDepth = 1_000

    init(_ spans: [TraceSpan]) {
        self.spans = spans
        positions.reserveCapacity(spans.count)
        for (position, span) in spans.enumerated() { positions[Self.key(span.traceID, span.spanID)] = position }
        parents.reserveCapacity(spans.count)
        for span in spans {
            parents.append(span.parentSpanID.flatMap { positions[Self.key(span.traceID, $0)] })
        }
        for (position, parent) in parents.enumerated() {
            if let parent { children[parent, default: []].append(position) }
        }
        entries = spans.indices.map(entry(of:))
    }

    /// The position of the span with these ids, if it is among the spans.
    func position(traceID: String, spanID: String) -> Int? { positions[Self.key(traceID, spanID)] }

    /// Whether the span is the one through which its service received a request.
    func isEntry(_ position: Int) -> Bool { entries[position] == position }

    private func entry(of position: Int) -> Int {
        var current = position
        for _ in 0..<Self.maximumDepth {
            guard let parent = parents[current], spans[parent].service == spans[current].service else { return current }
            current = parent
        }
        return current
    }

    private static func key(_ traceID: String, _ spanID: String) -> String { traceID + "/" + spanID }
}
