/// The last `capacity` values of a stream, kept sorted (``SortedValues``) so replacing the oldest
/// value moves only the values ranked between it and the new one, and the median, quantiles and
/// the median absolute deviation (MAD) are read by rank without a sort or a pass.
///
/// It encodes as its capacity, its values in arrival order (a ring from `oldest`) and the same
/// values sorted, as it did when the sorted values were one flat array.
struct RollingRobustWindow: Sendable {
    let capacity: Int
    /// Values in arrival order (a ring once full).
    private var arrivals: [Double] = []
    private var oldest = 0
    /// The same values, in order.
    private var values: SortedValues

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        arrivals.reserveCapacity(self.capacity)
        values = SortedValues(capacity: self.capacity)
    }

    var count: Int { arrivals.count }

    /// The values, ascending.
    var sorted: [Double] { values.ascending }

    /// Adds a finite value, evicting the oldest when full.
    mutating func append(_ value: Double) {
        guard arrivals.count == capacity else {
            arrivals.append(value)
            values.insert(value)
            return
        }
        values.replace(arrivals[oldest], with: value)
        arrivals[oldest] = value
        oldest = oldest + 1 == capacity ? 0 : oldest + 1
    }

    /// The median (mean of the two middle values for an even count); nil when empty.
    var median: Double? { values.median }

    /// The value at quantile `q` in [0, 1] (nearest rank); nil when empty.
    func quantile(_ q: Double) -> Double? {
        guard count > 0 else { return nil }
        let rank = Int((q * Double(count - 1)).rounded())
        return values.value(atRank: min(max(rank, 0), count - 1))
    }

    /// The median of |x − center| over the window (see ``SortedValues/medianAbsoluteDeviation(around:)``).
    func medianAbsoluteDeviation(around center: Double) -> Double {
        values.medianAbsoluteDeviation(around: center)
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
