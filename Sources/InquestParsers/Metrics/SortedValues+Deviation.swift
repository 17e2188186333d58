extension SortedValues {
    /// The median of |x − center| over the values in O(log n) rank reads: the k values nearest
    /// `center` are the ranks `lo ..< lo + k` for some `lo`, found by a binary search, so no
    /// second sort (nor a pass) is needed.
    func medianAbsoluteDeviation(around center: Double) -> Double {
        guard count > 0 else { return 0 }
        return withRanks { ranks in
            let (kth, next) = Self.nearestDistances((count - 1) / 2 + 1, around: center, count: count, ranks: ranks)
            return count % 2 == 1 ? kth : (kth + next) / 2
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

    /// The `k`-th smallest (`k` ≥ 1) of |x − center| over the first `count` values, and the one
    /// after it (the same when there is none). The `k` values nearest `center` are the ranks
    /// `lo ..< lo + k` of the first `lo` at which the value below the range is no farther from
    /// `center` than the one just above it; the distance from `center` of the value at `lo`
    /// shrinks and that of the value at `lo + k` grows with `lo`, so `lo` is found by bisection.
    private static func nearestDistances(_ k: Int, around center: Double, count: Int, ranks: Ranks) -> (Double, Double) {
        // The median's rank is next to the middle one.
        let split = ranks.lowerBound(of: center, count: count, near: count / 2)
        var low = max(0, split - k)
        var high = min(split, count - k)
        while low < high {
            let middle = (low + high) / 2
            if center - ranks[middle] > ranks[middle + k] - center {
                low = middle + 1
            } else {
                high = middle
            }
        }
        let kth = max(center - ranks[low], ranks[low + k - 1] - center)
        let next = min(low > 0 ? center - ranks[low - 1] : .infinity, low + k < count ? ranks[low + k] - center : .infinity)
        return (kth, next.isFinite ? next : kth)
    }
}
