extension RollingRobustWindow {
    /// A robust standard deviation of the window around `center`: the larger of 1.4826 × MAD and
    /// the tail spread (q(1−f) − q(f)) / (2 × z(1−f)) for the tail fraction f (both a standard
    /// deviation for normal data); 1.2533 × mean absolute deviation when both are 0; never below
    /// `relativeFloor` × `level` (or 1e-12). The tail spread lets excursions that recur often (more
    /// than the tail fraction of the window) become normal, while rare ones stay anomalous. While
    /// the window is too short for each tail to hold `tailMinimumValues` values, the fraction grows
    /// until it does, so the tail term applies from the first values instead of switching on once
    /// 1/f values have arrived (an excursion seen that many times each way is part of the spread).
    func robustSpread(
        around center: Double, level: Double, tailFraction: Double, tailMinimumValues: Double, relativeFloor: Double
    ) -> Double {
        var scale = 1.4826 * medianAbsoluteDeviation(around: center)
        let tail = min(0.25, max(tailFraction, tailMinimumValues / Double(max(count, 1))))
        if tailFraction > 0, let low = quantile(tail), let high = quantile(1 - tail) {
            scale = max(scale, (high - low) / (2 * AnomalyDetector.normalQuantile(1 - tail)))
        }
        if scale == 0 { scale = 1.2533 * meanAbsoluteDeviation(around: center) }
        return max(scale, relativeFloor * level, 1e-12)
    }
}
