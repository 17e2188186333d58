/// The last `capacity` values of a stream, kept sorted so the median and the median absolute
/// deviation (MAD) cost O(capacity) per update instead of a sort.
struct RollingRobustWindow: Sendable, Hashable {
    let capacity: Int
    /// Values in arrival order (a ring once full).
    private var arrivals: [Double] = []
    private var oldest = 0
    /// The same values, ascending.
    private(set) var sorted: [Double] = []

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        arrivals.reserveCapacity(self.capacity)
        sorted.reserveCapacity(self.capacity)
    }

    var count: Int { sorted.count }

    /// Adds a finite value, evicting the oldest when full.
    mutating func append(_ value: Double) {
        if arrivals.count == capacity {
            let evicted = arrivals[oldest]
            arrivals[oldest] = value
            oldest = (oldest + 1) % capacity
            sorted.remove(at: Self.lowerBound(of: evicted, in: sorted))
        } else {
            arrivals.append(value)
        }
        sorted.insert(value, at: Self.lowerBound(of: value, in: sorted))
    }

    /// The median (mean of the two middle values for an even count); nil when empty.
    var median: Double? {
        guard !sorted.isEmpty else { return nil }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The value at quantile `q` in [0, 1] (nearest rank); nil when empty.
    func quantile(_ q: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((q * Double(sorted.count - 1)).rounded())
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }

    /// The median of |x − center| over the window, walking outwards from `center` in the sorted
    /// values (a merge of two sorted sequences), so no second sort is needed.
    func medianAbsoluteDeviation(around center: Double) -> Double {
        let n = sorted.count
        guard n > 0 else { return 0 }
        var left = Self.lowerBound(of: center, in: sorted) - 1
        var right = left + 1
        let lowRank = (n - 1) / 2
        let highRank = n / 2
        var lowValue = 0.0
        for rank in 0...highRank {
            let next: Double
            let leftDistance = left >= 0 ? center - sorted[left] : Double.infinity
            let rightDistance = right < n ? sorted[right] - center : Double.infinity
            if leftDistance <= rightDistance {
                next = leftDistance
                left -= 1
            } else {
                next = rightDistance
                right += 1
            }
            if rank == lowRank { lowValue = next }
            if rank == highRank { return (lowValue + next) / 2 }
        }
        return lowValue
    }

    /// The mean of |x − center|, the fallback spread when more than half the window is one value.
    func meanAbsoluteDeviation(around center: Double) -> Double {
        guard !sorted.isEmpty else { return 0 }
        var total = 0.0
        for value in sorted { total += abs(value - center) }
        return total / Double(sorted.count)
    }

    /// First index whose value is not less than `value`.
    static func lowerBound(of value: Double, in values: [Double]) -> Int {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
