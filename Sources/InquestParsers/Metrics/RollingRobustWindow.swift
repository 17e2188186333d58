/// The last `capacity` values of a stream, kept sorted (``SortedValues``) so replacing the oldest
/// value moves only the values ranked between it and the new one, and the median, quantiles and
/// the median absolute deviation (MAD) are read by rank without a sort or a pass.
///
/// A window made with `ordered: false` only remembers its values until ``order()`` is called
/// (the first time its order is needed): a baseline nobody reads yet costs one store per value.
///
/// It encodes as its capacity, its values in arrival order (a ring from `oldest`) and the same
/// values sorted, as it did when the sorted values were one flat array.
struct RollingRobustWindow: Sendable {
    let capacity: Int
    /// Values in arrival order (a ring once full).
    private var arrivals: [Double] = []
    private var oldest = 0
    /// The same values, in order, while ``isOrdered``.
    private var values: SortedValues
    /// Whether the values are kept in order: the queries (median, quantiles, MAD, spread) need it.
    private(set) var isOrdered: Bool
    /// Where the last MAD's nearest half started (see ``SortedValues/medianAbsoluteDeviation(around:start:)``).
    var deviationStart = 0
    /// The tail spread's ranks for the last count and tail settings (see ``robustSpread(around:level:tailFraction:tailMinimumValues:relativeFloor:)``).
    var tailRanks: TailRanks?

    init(capacity: Int, ordered: Bool = true) {
        self.capacity = max(1, capacity)
        arrivals.reserveCapacity(self.capacity)
        values = SortedValues(capacity: ordered ? self.capacity : 0)
        isOrdered = ordered
    }

    var count: Int { arrivals.count }

    /// The values, ascending.
    var sorted: [Double] { isOrdered ? values.ascending : arrivals.sorted() }

    /// Keeps the values in order from now on (sorting those held, once).
    mutating func order() {
        guard !isOrdered else { return }
        values = SortedValues(capacity: capacity)
        for offset in arrivals.indices { values.insert(arrivals[(oldest + offset) % arrivals.count]) }
        isOrdered = true
    }

    /// Adds a finite value, evicting the oldest when full.
    mutating func append(_ value: Double) {
        guard arrivals.count == capacity else {
            arrivals.append(value)
            if isOrdered { values.insert(value) }
            return
        }
        if isOrdered { values.replace(arrivals[oldest], with: value) }
        arrivals[oldest] = value
        oldest = oldest + 1 == capacity ? 0 : oldest + 1
    }

    /// The median (mean of the two middle values for an even count); nil when empty. Needs ``isOrdered``.
    var median: Double? {
        assert(isOrdered, "the median of a window that is not kept in order")
        return values.median
    }

    /// The value at quantile `q` in [0, 1] (nearest rank); nil when empty. Needs ``isOrdered``.
    func quantile(_ q: Double) -> Double? {
        guard count > 0 else { return nil }
        return values.value(atRank: Self.rank(ofQuantile: q, count: count))
    }

    /// The nearest rank of quantile `q` among `count` > 0 values.
    static func rank(ofQuantile q: Double, count: Int) -> Int {
        let rank = Int((q * Double(count - 1)).rounded())
        return min(max(rank, 0), count - 1)
    }

    /// The value at `rank` (in `0..<count`). Needs ``isOrdered``.
    func value(atRank rank: Int) -> Double {
        values.value(atRank: rank)
    }

    /// The median of |x − center| over the window (see ``SortedValues/medianAbsoluteDeviation(around:)``).
    func medianAbsoluteDeviation(around center: Double) -> Double {
        values.medianAbsoluteDeviation(around: center)
    }

    /// ``medianAbsoluteDeviation(around:)``, its search started where the last one ended.
    mutating func trackedMedianAbsoluteDeviation(around center: Double) -> Double {
        values.medianAbsoluteDeviation(around: center, start: &deviationStart)
    }

    /// The mean of |x − center|, the fallback spread when more than half the window is one value.
    func meanAbsoluteDeviation(around center: Double) -> Double {
        values.meanAbsoluteDeviation(around: center)
    }
}

extension RollingRobustWindow: Hashable {
    static func == (a: RollingRobustWindow, b: RollingRobustWindow) -> Bool {
        a.capacity == b.capacity && a.oldest == b.oldest && a.arrivals == b.arrivals
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(capacity)
        hasher.combine(oldest)
        hasher.combine(arrivals)
    }
}

extension RollingRobustWindow: Codable {
    private enum CodingKeys: String, CodingKey {
        case capacity, arrivals, oldest, sorted
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(capacity: try container.decode(Int.self, forKey: .capacity))
        let arrivals = try container.decode([Double].self, forKey: .arrivals)
        let oldest = try container.decode(Int.self, forKey: .oldest)
        guard arrivals.count <= capacity, oldest >= 0, oldest < max(1, arrivals.count) || arrivals.isEmpty && oldest == 0
        else {
            throw DecodingError.dataCorruptedError(
                forKey: .arrivals, in: container, debugDescription: "more values than the capacity, or the ring's start outside them")
        }
        self.arrivals = arrivals
        self.oldest = oldest
        for value in arrivals { values.insert(value) }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(capacity, forKey: .capacity)
        try container.encode(arrivals, forKey: .arrivals)
        try container.encode(oldest, forKey: .oldest)
        try container.encode(sorted, forKey: .sorted)
    }
}
