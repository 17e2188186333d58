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
            let window = Self.window((1...10).map(Double.init))
            let spread = window.robustSpread(around: 5.5, level: 5.5, tailFraction: 0.005, tailMinimumValues: 2, relativeFloor: 0)

            #expect(abs(spread - 1.4826 * 2.5) < 1e-9)
        }

        /// 96 values of 5, two of 1 and two of 9 (MAD 0). Excursions seen at least `tailMinimumValues`
        /// times each way set the spread: (9 − 1) / (2 × z(0.99)); seen fewer times, they do not, and
        /// only the mean absolute deviation (1.2533 × 16 / 100) is left.
        @Test func excursionsSeenOftenEnoughEachWaySetTheSpread() {
            let window = Self.window(Array(repeating: 5, count: 96) + [1, 1, 9, 9])
            let often = window.robustSpread(around: 5, level: 5, tailFraction: 0.005, tailMinimumValues: 1, relativeFloor: 0)
            let rare = window.robustSpread(around: 5, level: 5, tailFraction: 0.005, tailMinimumValues: 3, relativeFloor: 0)

            #expect(abs(often - 8 / (2 * AnomalyDetector.normalQuantile(0.99))) < 1e-9)
            #expect(abs(rare - 1.2533 * 16 / 100) < 1e-9)
        }

        @Test func theSpreadNeverFallsBelowTheRelativeFloor() {
            let window = Self.window(Array(repeating: 200, count: 50))

            #expect(window.robustSpread(around: 200, level: 200, tailFraction: 0.005, tailMinimumValues: 2, relativeFloor: 0.01) == 2)
        }
    }
}
