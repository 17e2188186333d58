import Foundation

/// The last `capacity` values of a stream, kept sorted so the median and the median absolute
/// deviation (MAD) cost O(capacity) per update instead of a sort.
struct RollingRobustWindow: Sendable, Hashable, Codable {
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

    /// Adds a finite value, evicting the oldest when full. A full window moves only the values
    /// between the evicted one and the new one's place, in one shift.
    mutating func append(_ value: Double) {
        guard arrivals.count == capacity else {
            arrivals.append(value)
            sorted.insert(value, at: Self.lowerBound(of: value, in: sorted))
            return
        }
        let evicted = arrivals[oldest]
        arrivals[oldest] = value
        oldest = (oldest + 1) % capacity
        let from = Self.lowerBound(of: evicted, in: sorted)
        let to = Self.lowerBound(of: value, in: sorted)
        sorted.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            if to > from {
                // Values in (from, to) move down one place; the new value goes just below `to`.
                memmove(base + from, base + from + 1, (to - 1 - from) * MemoryLayout<Double>.stride)
                base[to - 1] = value
            } else {
                // Values in [to, from) move up one place; the new value goes at `to`.
                memmove(base + to + 1, base + to, (from - to) * MemoryLayout<Double>.stride)
                base[to] = value
            }
        }
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

    /// The median of |x − center| over the window in O(log n): the distances to the left of `center`
    /// and to the right of it are two ascending sequences in the sorted values, and the median is
    /// found by selecting ranks in their union, so no second sort (or even a pass) is needed.
    func medianAbsoluteDeviation(around center: Double) -> Double {
        let n = sorted.count
        guard n > 0 else { return 0 }
        let split = Self.lowerBound(of: center, in: sorted)
        let low = distance(rank: (n - 1) / 2, around: center, split: split)
        let high = n % 2 == 1 ? low : distance(rank: n / 2, around: center, split: split)
        return (low + high) / 2
    }

    /// The `rank`-th smallest (0-based) of |x − center|, where `sorted[..<split]` < center ≤ `sorted[split...]`.
    /// Left distances `center − sorted[split − 1 − i]` and right distances `sorted[split + j] − center`
    /// both ascend; binary search on how many of the `rank + 1` smallest come from the left.
    private func distance(rank: Int, around center: Double, split: Int) -> Double {
        let leftCount = split
        let rightCount = sorted.count - split
        func left(_ i: Int) -> Double { center - sorted[split - 1 - i] }
        func right(_ j: Int) -> Double { sorted[split + j] - center }
        let taken = rank + 1
        var lowest = max(0, taken - rightCount)
        var highest = min(taken, leftCount)
        while lowest <= highest {
            let i = (lowest + highest) / 2
            let j = taken - i
            if i < leftCount, j > 0, right(j - 1) > left(i) {
                lowest = i + 1
            } else if i > 0, j < rightCount, left(i - 1) > right(j) {
                highest = i - 1
            } else {
                return max(i > 0 ? left(i - 1) : -.infinity, j > 0 ? right(j - 1) : -.infinity)
            }
        }
        return 0
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
