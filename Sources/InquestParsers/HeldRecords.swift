/// The first records of a stream, held back (copied) while ``RecordLayoutLearner`` learns the
/// file's layout from them, so that they too are parsed with it.
///
/// Learning depends only on the records in order, never on how the bytes were split into
/// `feed` calls, so a stream parses the same however it arrives.
struct HeldRecords {
    struct Record {
        var bytes: [UInt8]
        var line: Int
        var offset: Int64
        /// A log4j record whose first line starts with a time.
        var hasHeader: Bool
    }

    /// Nil once learned (or for formats that need no learning).
    private(set) var learner: RecordLayoutLearner?
    private(set) var records: [Record] = []

    init(learning: Bool) {
        learner = learning ? RecordLayoutLearner() : nil
    }

    var isLearning: Bool { learner != nil }
    var isEmpty: Bool { records.isEmpty }
    /// The first held record (where a restarted parser must begin).
    var first: Record? { records.first }

    /// Holds a record; true when the layout can now be learned.
    mutating func hold(_ b: Bytes, line: Int, offset: Int64, hasHeader: Bool) -> Bool {
        let lineEnd = b.firstIndex(of: ASCII.newline, from: 0, to: b.count) ?? b.count
        learner?.observe(b.slice(0, lineEnd))
        records.append(Record(bytes: Array(b), line: line, offset: offset, hasHeader: hasHeader))
        return learner?.isComplete ?? true
    }

    /// Ends learning: the learned layout and the records held, in order.
    mutating func release() -> (RecordLayout, [Record]) {
        let layout = learner?.layout() ?? RecordLayout.unknown
        learner = nil
        var released: [Record] = []
        swap(&released, &records)
        return (layout, released)
    }
}
