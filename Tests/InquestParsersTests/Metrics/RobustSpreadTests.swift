import Testing

@testable import InquestParsers

extension MetricsTests {
    @Suite("Robust spread")
    struct RobustSpreadTests {
        static func window(_ values: [Double]) -> RollingRobustWindow {
            var window = RollingRobustWindow(capacity: 1000)
            for value in values { window.append(value) }
            return window
        }

        @Test func normalLikeValuesAreSpreadByTheirMAD() {
            var window = Self.window((1...10).map(Double.init))
            let spread = window.robustSpread(around: 5.5, level: 5.5, tailFraction: 0.005, tailMinimumValues: 2, relativeFloor: 0)

            #expect(abs(spread - 1.4826 * 2.5) < 1e-9)
        }

        /// 96 values of 5, two of 1 and two of 9 (MAD 0). Excursions seen at least `tailMinimumValues`
        /// times each way set the spread: (9 − 1) / (2 × z(0.99)); seen fewer times, they do not, and
        /// only the mean absolute deviation (1.2533 × 16 / 100) is left.
        @Test func excursionsSeenOftenEnoughEachWaySetTheSpread() {
            var window = Self.window(Array(repeating: 5, count: 96) + [1, 1, 9, 9])
            let often = window.robustSpread(around: 5, level: 5, tailFraction: 0.005, tailMinimumValues: 1, relativeFloor: 0)
            let rare = window.robustSpread(around: 5, level: 5, tailFraction: 0.005, tailMinimumValues: 3, relativeFloor: 0)

            #expect(abs(often - 8 / (2 * AnomalyDetector.normalQuantile(0.99))) < 1e-9)
            #expect(abs(rare - 1.2533 * 16 / 100) < 1e-9)
        }

        @Test func theSpreadNeverFallsBelowTheRelativeFloor() {
            var window = Self.window(Array(repeating: 200, count: 50))

            #expect(window.robustSpread(around: 200, level: 200, tailFraction: 0.005, tailMinimumValues: 2, relativeFloor: 0.01) == 2)
        }
    }
}

extension MetricsTests.RobustSpreadTests {
    /// Brute force: the spread's definition on a sorted copy of the values.
    static func referenceSpread(_ values: [Double], around center: Double, level: Double) -> Double {
        let sorted = values.sorted()
        var scale = 1.4826 * (MetricsTests.SortedValuesTests.medianDistance(values, around: center) ?? 0)
        let tail = min(0.25, max(0.005, 2 / Double(max(values.count, 1))))
        let rank = { (q: Double) in min(max(Int((q * Double(sorted.count - 1)).rounded()), 0), sorted.count - 1) }
        scale = max(scale, (sorted[rank(1 - tail)] - sorted[rank(tail)]) / (2 * AnomalyDetector.normalQuantile(1 - tail)))
        if scale == 0 { scale = 1.2533 * sorted.reduce(0) { $0 + abs($1 - center) } / Double(sorted.count) }
        return max(scale, 0.01 * level, 1e-12)
    }

    @Test(arguments: [1 as UInt64, 7, 2026])
    func aSlidingWindowsSpreadMatchesBruteForceWhereverItsSearchesStart(seed: UInt64) {
        // Given a window of 700 values (a level shift, spikes, many ties) that slides, one kept in
        // order from the start and one ordered only once 900 values went by
        var random = MetricsTests.SeasonalBucketTests.Generator(state: seed)
        var tracked = RollingRobustWindow(capacity: 700)
        var late = RollingRobustWindow(capacity: 700, ordered: false)
        var recent: [Double] = []
        for step in 0..<3_000 {
            let shift = step > 1_500 ? 40.0 : 0
            let value = random.next(50) == 0 ? Double(random.next(1_000)) : shift + Double(random.next(40)) / 4
            tracked.append(value)
            late.append(value)
            recent.append(value)
            if recent.count > 700 { recent.removeFirst() }
            if step == 900 {
                #expect(!late.isOrdered)
                late.order()
            }
            guard step % 3 == 0, let median = tracked.median else { continue }
            // When the spread is read, its searches starting where the last read ended
            let spread = tracked.robustSpread(around: median, level: abs(median), tailFraction: 0.005, tailMinimumValues: 2, relativeFloor: 0.01)

            // Then it is the definition's, bit for bit, and the same in the window ordered late
            #expect(spread == Self.referenceSpread(recent, around: median, level: abs(median)), "step \(step)")
            if late.isOrdered {
                #expect(late.robustSpread(around: median, level: abs(median), tailFraction: 0.005, tailMinimumValues: 2, relativeFloor: 0.01) == spread)
                #expect(late.sorted == tracked.sorted)
            }
        }
    }
}
