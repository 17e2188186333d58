/// The values one bucket of a ``SeasonalProfile`` remembers, each with its time: forgets those
/// older than a horizon and gives the median of the rest, in O(log n) per value for the times
/// and one block's move for the values, however many values share a time or a bucket (a filter
/// and a sort per value made a column of equal timestamps quadratic).
///
/// Entries whose time is not before the latest in-order one (the usual case: a series goes
/// forward) queue in arrival order, which is then time order, so the oldest is at the front;
/// the others go to a heap by time. The values are kept sorted in ``SortedValues``, so the median
/// is read by rank. The last value forgotten stays there (read as absent) until the next insert
/// replaces it: a series going forward forgets about one value per value it learns, and one
/// replacement moves only the values ranked between the two, where a removal and an insertion
/// each move every value ranked above theirs.
///
/// It encodes as the list of its entries in arrival order, so a checkpoint reads the same as
/// before this type existed; equality compares that list.
struct SeasonalBucket: Sendable {
    /// One remembered value and its time (nanoseconds).
    struct Entry: Sendable, Hashable, Codable {
        var time: Int64
        var value: Double
    }

    private struct Timed: Comparable, Sendable {
        var time: Int64
        var id: Int
        var value: Double
        static func < (a: Timed, b: Timed) -> Bool { (a.time, a.id) < (b.time, b.id) }
        static func == (a: Timed, b: Timed) -> Bool { a.id == b.id }
    }

    /// Entries in time order (and arrival order), from `front` on.
    private var inOrder: [Timed] = []
    private var front = 0
    /// Entries that arrived with a time before the last in `inOrder`.
    private var outOfOrder = MinimumHeap<Timed>()
    private var values = SortedValues()
    /// The rank in `values` of a forgotten value still held there, which the next insert replaces.
    private var forgottenRank: Int?
    private var nextID = 0

    init() {}

    /// How many values are remembered.
    var count: Int { forgottenRank == nil ? values.count : values.count - 1 }

    /// The median of the remembered values (mean of the two middle ones for an even count); nil when empty.
    var median: Double? {
        guard let forgottenRank else { return values.median }
        return values.median(excludingRank: forgottenRank)
    }

    /// The remembered entries, oldest arrival first.
    var entries: [Entry] {
        (inOrder[front...] + outOfOrder.elements).sorted { $0.id < $1.id }.map { Entry(time: $0.time, value: $0.value) }
    }

    /// Remembers a finite `value` seen at `time`.
    mutating func insert(_ value: Double, time: Int64) {
        let entry = Timed(time: time, id: nextID, value: value)
        nextID += 1
        if front == inOrder.count || time >= inOrder[inOrder.count - 1].time {
            inOrder.append(entry)
        } else {
            outOfOrder.push(entry)
        }
        if let forgottenRank {
            values.replace(atRank: forgottenRank, with: value)
            self.forgottenRank = nil
        } else {
            values.insert(value)
        }
    }

    /// Forgets every value seen before `horizon`.
    mutating func forget(before horizon: Int64) {
        while front < inOrder.count, inOrder[front].time < horizon {
            forget(inOrder[front].value)
            front += 1
        }
        if front == inOrder.count {
            inOrder.removeAll(keepingCapacity: true)
            front = 0
        } else if front >= 64, front * 2 >= inOrder.count {
            inOrder.removeFirst(front)
            front = 0
        }
        while let oldest = outOfOrder.top, oldest.time < horizon {
            outOfOrder.pop()
            forget(oldest.value)
        }
    }

    /// Forgets one held value: it stays in `values`, at `forgottenRank` (the one that was there
    /// is removed).
    private mutating func forget(_ value: Double) {
        if let forgottenRank { values.remove(atRank: forgottenRank) }
        forgottenRank = values.rank(of: value)
    }
}

extension SeasonalBucket: Hashable {
    static func == (a: SeasonalBucket, b: SeasonalBucket) -> Bool { a.entries == b.entries }
    func hash(into hasher: inout Hasher) { hasher.combine(entries) }
}

extension SeasonalBucket: Codable {
    init(from decoder: any Decoder) throws {
        self.init()
        for entry in try decoder.singleValueContainer().decode([Entry].self) {
            insert(entry.value, time: entry.time)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(entries)
    }
}
