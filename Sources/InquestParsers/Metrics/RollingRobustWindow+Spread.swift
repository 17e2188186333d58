extension RollingRobustWindow {
    /// A robust standard deviation of the window around `center`: the larger of 1.4826 × MAD and
    /// the tail spread (q(1−f) − q(f)) / (2 × z(1−f)) for the tail fraction f (both a standard
    /// deviation for normal data); 1.2533 × mean absolute deviation when both are 0; never below
    /// `relativeFloor` × `level` (or 1e-12). The tail spread lets excursions that recur often (more
    /// than the tail fraction of the window) become normal, while rare ones stay anomalous. While
    /// the window is too short for each tail to hold `tailMinimumValues` values, the fraction grows
    /// until it does, so the tail term applies from the first values instead of switching on once
    /// 1/f values have arrived (an excursion seen that many times each way is part of the spread).
    ///
    /// Mutating only to keep where its searches ended (the MAD's nearest half, the tail's ranks
    /// for this count), so the next call on a window that moved by one value starts there; the
    /// result depends only on the values and the arguments. Needs ``isOrdered``.
    mutating func robustSpread(
        around center: Double, level: Double, tailFraction: Double, tailMinimumValues: Double, relativeFloor: Double
    ) -> Double {
        var scale = 1.4826 * trackedMedianAbsoluteDeviation(around: center)
        if tailFraction > 0, count > 0 {
            let tail = tailRanks(fraction: tailFraction, minimumValues: tailMinimumValues)
            scale = max(scale, (value(atRank: tail.high) - value(atRank: tail.low)) / tail.normalWidth)
        }
        if scale == 0 { scale = 1.2533 * meanAbsoluteDeviation(around: center) }
        return max(scale, relativeFloor * level, 1e-12)
    }

    /// The ranks of the tail quantiles f and 1 − f of the window's `count` values (f grown to hold
    /// `minimumValues` each way), and 2 × z(1 − f); kept until the count or the settings change.
    mutating func tailRanks(fraction: Double, minimumValues: Double) -> TailRanks {
        if let tail = tailRanks, tail.count == count, tail.fraction == fraction, tail.minimumValues == minimumValues {
            return tail
        }
        let tail = TailRanks(count: count, fraction: fraction, minimumValues: minimumValues)
        tailRanks = tail
        return tail
    }

    /// Where the tail spread reads a window of `count` values, for one tail setting.
    struct TailRanks: Sendable {
        let count: Int
        let fraction: Double
        let minimumValues: Double
        /// The nearest ranks of the quantiles f and 1 − f.
        let low: Int
        let high: Int
        /// 2 × z(1 − f): the width between those quantiles of a standard normal distribution.
        let normalWidth: Double

        init(count: Int, fraction: Double, minimumValues: Double) {
            self.count = count
            self.fraction = fraction
            self.minimumValues = minimumValues
            let tail = min(0.25, max(fraction, minimumValues / Double(max(count, 1))))
            low = RollingRobustWindow.rank(ofQuantile: tail, count: max(count, 1))
            high = RollingRobustWindow.rank(ofQuantile: 1 - tail, count: max(count, 1))
            normalWidth = 2 * AnomalyDetector.normalQuantile(1 - tail)
        }
    }
}
