extension SortedValues {
    /// The median of |x − center| over the values in O(log n) rank reads: the distances to the
    /// left of `center` and to the right of it are two ascending sequences in the sorted values,
    /// and the median is found by selecting ranks in their union, so no second sort is needed.
    func medianAbsoluteDeviation(around center: Double) -> Double {
        guard count > 0 else { return 0 }
        return withRanks { ranks in
            let split = ranks.lowerBound(of: center, count: count)
            let (low, next) = Self.distance(rank: (count - 1) / 2, around: center, split: split, count: count, ranks: ranks)
            return count % 2 == 1 ? low : (low + next) / 2
        }
    }

    /// The mean of |x − center| (summed in ascending order of the values).
    func meanAbsoluteDeviation(around center: Double) -> Double {
        guard count > 0 else { return 0 }
        return withRanks { ranks in
            var total = 0.0
            for rank in 0..<count { total += abs(ranks[rank] - center) }
            return total / Double(count)
        }
    }

    /// The `rank`-th smallest (0-based) of |x − center| and the one after it (the same when there
    /// is none), where the values of rank below `split` are < center ≤ those from `split` on.
    /// Left distances `center − value(split − 1 − i)` and right distances `value(split + j) − center`
    /// both ascend; binary search on how many of the `rank + 1` smallest come from the left.
    private static func distance(rank: Int, around center: Double, split: Int, count: Int, ranks: Ranks) -> (Double, Double) {
        let leftCount = split
        let rightCount = count - split
        func left(_ i: Int) -> Double { i < leftCount ? center - ranks[split - 1 - i] : .infinity }
        func right(_ j: Int) -> Double { j < rightCount ? ranks[split + j] - center : .infinity }
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
                let found = max(i > 0 ? left(i - 1) : -.infinity, j > 0 ? right(j - 1) : -.infinity)
                let after = min(left(i), right(j))
                return (found, after.isFinite ? after : found)
            }
        }
        return (0, 0)
    }
}
