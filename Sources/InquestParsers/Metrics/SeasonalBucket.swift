/// The values one bucket of a ``SeasonalProfile`` remembers, each with its time: forgets those
/// older than a horizon and gives the median of the rest, in O(log n) amortised per value
/// however many values share a time or a bucket (a filter and a sort per value made a column
/// of equal timestamps quadratic).
///
/// The values are split around the median: the lower half in a max-heap, the upper half in a
/// min-heap, the lower half holding the extra value of an odd count. A third heap orders the
/// entries by time, so the oldest are found at once. A forgotten value leaves its half lazily,
/// when it reaches the top (or when the halves are compacted).
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

    /// Ordered by value (the upper half's min-heap).
    private struct Ascending: Comparable, Sendable {
        var value: Double
        var id: Int
        static func < (a: Ascending, b: Ascending) -> Bool { a.value < b.value }
        static func == (a: Ascending, b: Ascending) -> Bool { a.id == b.id }
    }

    /// Ordered by value, largest first (the lower half's max-heap).
    private struct Descending: Comparable, Sendable {
        var value: Double
        var id: Int
        static func < (a: Descending, b: Descending) -> Bool { a.value > b.value }
        static func == (a: Descending, b: Descending) -> Bool { a.id == b.id }
    }

    private var byTime = MinimumHeap<Timed>()
    private var lower = MinimumHeap<Descending>()
    private var upper = MinimumHeap<Ascending>()
    /// The half each remembered entry is in (true: lower); forgotten entries are absent.
    private var inLower: [Int: Bool] = [:]
    private var lowerCount = 0
    private var upperCount = 0
    private var nextID = 0

    init() {}

    /// How many values are remembered.
    var count: Int { lowerCount + upperCount }

    /// The median of the remembered values (mean of the two middle ones for an even count); nil when empty.
    var median: Double? {
        guard let low = lower.top?.value else { return nil }
        guard count % 2 == 0, let high = upper.top?.value else { return low }
        return (low + high) / 2
    }

    /// The remembered entries, oldest arrival first.
    var entries: [Entry] {
        byTime.elements.sorted { $0.id < $1.id }.map { Entry(time: $0.time, value: $0.value) }
    }

    /// Remembers a finite `value` seen at `time`.
    mutating func insert(_ value: Double, time: Int64) {
        let id = nextID
        nextID += 1
        byTime.push(Timed(time: time, id: id, value: value))
        if let low = lower.top, value > low.value {
            upper.push(Ascending(value: value, id: id))
            inLower[id] = false
            upperCount += 1
        } else {
            lower.push(Descending(value: value, id: id))
            inLower[id] = true
            lowerCount += 1
        }
        rebalance()
    }

    /// Forgets every value seen before `horizon`.
    mutating func forget(before horizon: Int64) {
        var forgotten = false
        while let oldest = byTime.top, oldest.time < horizon {
            byTime.pop()
            if inLower.removeValue(forKey: oldest.id) == true { lowerCount -= 1 } else { upperCount -= 1 }
            forgotten = true
        }
        guard forgotten else { return }
        if lower.count + upper.count > 2 * count + 64 { compact() }
        rebalance()
    }

    /// Restores the invariants: both tops are remembered values, every lower value ≤ every upper
    /// value, and the lower half holds as many values as the upper one or one more.
    private mutating func rebalance() {
        dropForgottenTops()
        while lowerCount > upperCount + 1, let moved = lower.pop() {
            upper.push(Ascending(value: moved.value, id: moved.id))
            inLower[moved.id] = false
            lowerCount -= 1
            upperCount += 1
            dropForgottenTops()
        }
        while upperCount > lowerCount, let moved = upper.pop() {
            lower.push(Descending(value: moved.value, id: moved.id))
            inLower[moved.id] = true
            upperCount -= 1
            lowerCount += 1
            dropForgottenTops()
        }
    }

    private mutating func dropForgottenTops() {
        while let top = lower.top, inLower[top.id] != true { lower.pop() }
        while let top = upper.top, inLower[top.id] != false { upper.pop() }
    }

    /// Rebuilds both halves from the remembered values only, in O(n).
    private mutating func compact() {
        lower = MinimumHeap(lower.elements.filter { inLower[$0.id] == true })
        upper = MinimumHeap(upper.elements.filter { inLower[$0.id] == false })
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
