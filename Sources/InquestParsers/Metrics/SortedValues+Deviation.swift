extension SortedValues {
    /// The median of |x − center| over the values in O(log n) rank reads: the k values nearest
    /// `center` are the ranks `lo ..< lo + k` for some `lo`, found by a binary search, so no
    /// second sort (nor a pass) is needed.
    func medianAbsoluteDeviation(around center: Double) -> Double {
        var start = count / 4
        return medianAbsoluteDeviation(around: center, start: &start)
    }

    /// ``medianAbsoluteDeviation(around:)`` with the search for `lo` started at `start`, which
    /// is then set to the `lo` found: a window's nearest half moves little from one value to the
    /// next, so passing the last `lo` back finds the new one in O(log d) reads for a move of d
    /// ranks. The result does not depend on `start`.
    func medianAbsoluteDeviation(around center: Double, start: inout Int) -> Double {
        guard count > 0 else { return 0 }
        return withRanks { ranks in
            let (kth, next) = Self.nearestDistances((count - 1) / 2 + 1, around: center, count: count, ranks: ranks, start: &start)
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
    /// shrinks and that of the value at `lo + k` grows with `lo`, so `lo` is found by a search
    /// outward from `start` (set to `lo`).
    private static func nearestDistances(
        _ k: Int, around center: Double, count: Int, ranks: Ranks, start: inout Int
    ) -> (Double, Double) {
        // The median's rank is next to the middle one.
        let split = ranks.lowerBound(of: center, count: count, near: count / 2)
        // `lo` is the first rank in `low ..< high` that does not start too low (`high` if none).
        let low = max(0, split - k)
        let high = min(split, count - k)
        let lo = Self.firstRank(in: low, high, from: start) { center - ranks[$0] > ranks[$0 &+ k] - center }
        start = lo
        let kth = max(center - ranks[lo], ranks[lo + k - 1] - center)
        let next = min(lo > 0 ? center - ranks[lo - 1] : .infinity, lo + k < count ? ranks[lo + k] - center : .infinity)
        return (kth, next.isFinite ? next : kth)
    }

    /// The first `i` in `low ..< high` for which `before(i)` is false (`high` if none), for a
    /// `before` that is true then false along the range: doubling steps outward from `hint`, then
    /// a bisection of the last step.
    @inline(__always)
    static func firstRank(in low: Int, _ high: Int, from hint: Int, where before: (Int) -> Bool) -> Int {
        guard low < high else { return low }
        var (lower, upper) = (low, high)
        let start = min(max(hint, low), high - 1)
        if before(start) {
            lower = start + 1
            var step = 1
            while start + step < high {
                guard before(start + step) else {
                    upper = start + step
                    break
                }
                lower = start + step + 1
                step &*= 2
            }
        } else {
            upper = start
            var step = 1
            while start - step >= low {
                guard !before(start - step) else {
                    lower = start - step + 1
                    break
                }
                upper = start - step
                step &*= 2
            }
        }
        while lower < upper {
            let middle = (lower + upper) / 2
            if before(middle) { lower = middle + 1 } else { upper = middle }
        }
        return lower
    }
}
