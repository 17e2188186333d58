import Testing

@testable import InquestParsers

extension MetricsTests {
    @Suite("Sorted values")
    struct SortedValuesTests {
        typealias Generator = SeasonalBucketTests.Generator

        /// Brute force: the median of |x − center| by sorting the distances.
        static func medianDistance(_ values: [Double], around center: Double) -> Double? {
            SeasonalBucketTests.median(values.map { abs($0 - center) })
        }

        @Test(arguments: [1 as UInt64, 42, 2026])
        func insertsRemovalsAndReplacementsMatchASortedArray(seed: UInt64) {
            // Given a multiset and a plain sorted array, with few distinct values (many ties) and
            // sizes going up and down across many block boundaries
            var random = Generator(state: seed)
            var values = SortedValues()
            var reference: [Double] = []
            for step in 0..<6_000 {
                // When values are inserted, removed (held or not) and replaced at random
                let value = Double(random.next(300)) / 4 - 20
                switch random.next(step < 3_000 ? 5 : 7) {
                case 0, 1:
                    values.insert(value)
                    reference.insert(value, at: reference.firstIndex { $0 >= value } ?? reference.count)
                case 2, 3:
                    let old = reference.isEmpty || random.next(5) == 0 ? value : reference[random.next(reference.count)]
                    let held = reference.firstIndex(of: old)
                    #expect(values.replace(old, with: value + 0.5) == (held != nil), "step \(step)")
                    if let held {
                        reference.remove(at: held)
                        reference.insert(value + 0.5, at: reference.firstIndex { $0 >= value + 0.5 } ?? reference.count)
                    }
                default:
                    let old = reference.isEmpty || random.next(5) == 0 ? value : reference[random.next(reference.count)]
                    let held = reference.firstIndex(of: old)
                    #expect(values.remove(old) == (held != nil), "step \(step)")
                    if let held { reference.remove(at: held) }
                }
                // Then every rank, the median, ranks of values and the MAD are the array's
                #expect(values.count == reference.count, "step \(step)")
                #expect(values.ascending == reference, "step \(step)")
                #expect(values.rank(of: value) == (reference.firstIndex { $0 >= value } ?? reference.count), "step \(step)")
                if let median = values.median {
                    #expect(median == SeasonalBucketTests.median(reference), "step \(step)")
                    #expect(values.medianAbsoluteDeviation(around: median) == Self.medianDistance(reference, around: median), "step \(step)")
                    #expect(values.medianAbsoluteDeviation(around: value) == Self.medianDistance(reference, around: value), "step \(step)")
                    // The search started anywhere (out of range too) ends on the same answer
                    var start = random.next(reference.count + 20) - 10
                    #expect(values.medianAbsoluteDeviation(around: median, start: &start) == Self.medianDistance(reference, around: median), "step \(step)")
                }
            }
        }

        @Test func aFullWindowSlidesThroughEveryPairOfBlocks() {
            // Given 5 full blocks and a bit of values, each replaced by one far above or below it
            var random = Generator(state: 7)
            let size = 5 * SortedValues.blockSize + 3
            var reference = (0..<size).map { _ in Double(random.next(10_000)) }
            var values = SortedValues(capacity: size)
            for value in reference { values.insert(value) }
            reference.sort()
            for step in 0..<2_000 {
                // When a value at a random rank becomes one at another random place
                let old = reference[random.next(size)]
                let new = Double(random.next(10_000)) + 0.25
                values.replace(old, with: new)
                reference.remove(at: reference.firstIndex(of: old) ?? 0)
                reference.insert(new, at: reference.firstIndex { $0 >= new } ?? reference.count)

                // Then the order is the sorted array's
                #expect(values.ascending == reference, "step \(step)")
            }
        }
    }
}
