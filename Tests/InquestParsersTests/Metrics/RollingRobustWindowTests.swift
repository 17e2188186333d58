import Testing

@testable import InquestParsers

extension MetricsTests {
    @Suite("Rolling robust window")
    struct RollingRobustWindowTests {
        /// Brute force: sort the last `capacity` values, take the median, sort the distances.
        static func reference(_ values: ArraySlice<Double>) -> (median: Double, mad: Double) {
            func median(_ sorted: [Double]) -> Double {
                let middle = sorted.count / 2
                return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
            }
            let center = median(values.sorted())
            return (center, median(values.map { abs($0 - center) }.sorted()))
        }

        @Test(arguments: [1, 2, 7, 50])
        func medianAndMADMatchBruteForceAsTheWindowSlides(capacity: Int) {
            var state: UInt64 = 99
            let values = (0..<400).map { index -> Double in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let noise = Double(state >> 40) / Double(1 << 24)
                return index % 9 == 0 ? 5 : (noise * 10).rounded() / 2  // ties and repeats on purpose
            }
            var window = RollingRobustWindow(capacity: capacity)
            for index in values.indices {
                window.append(values[index])
                let expected = Self.reference(values[max(0, index + 1 - capacity)...index])
                #expect(window.median == expected.median)
                #expect(window.sorted == values[max(0, index + 1 - capacity)...index].sorted())
                #expect(window.medianAbsoluteDeviation(around: expected.median) == expected.mad)
            }
        }

        @Test func madAroundAPointOutsideTheValuesUsesOneSide() {
            var window = RollingRobustWindow(capacity: 10)
            for value in [1.0, 2, 3, 4, 5] { window.append(value) }

            #expect(window.medianAbsoluteDeviation(around: 10) == 7)
            #expect(window.medianAbsoluteDeviation(around: 0) == 3)
            #expect(window.quantile(0) == 1 && window.quantile(1) == 5 && window.quantile(0.5) == 3)
        }
    }
}
