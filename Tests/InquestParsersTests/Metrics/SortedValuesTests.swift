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

        @Test func ranksMatchALinearCountAtEverySize() {
            // Given multisets of every size up to 600 and a few past 4,096 (where the search's
            // written-out steps end and its loop begins), with many ties
            var random = Generator(state: 5)
            var values = SortedValues()
            var reference: [Double] = []
            let sizes = Set(Array(1...600) + [1_023, 1_024, 1_025, 2_048, 4_095, 4_096, 4_097, 9_000])
            while reference.count < 9_000 {
                let value = Double(random.next(2_000)) / 2
                values.insert(value)
                reference.insert(value, at: reference.firstIndex { $0 >= value } ?? reference.count)
                guard sizes.contains(reference.count) else { continue }
                // When values held, between those held and beyond both ends are searched
                for probe in [reference[0], reference[reference.count - 1], -1, 1_001] + (0..<20).map({ _ in Double(random.next(2_004)) / 2 - 1 }) {
                    let other = Double(random.next(2_004)) / 2 - 1
                    // Then each rank is the number of values below, alone and paired
                    let below = reference.count { $0 < probe }
                    #expect(values.rank(of: probe) == below, "size \(reference.count), \(probe)")
                    let pair = values.withRanks { $0.lowerBounds(of: probe, other, count: reference.count) }
                    #expect(pair == (below, reference.count { $0 < other }), "size \(reference.count), \(probe), \(other)")
                }
            }
        }

        @Test(arguments: [1 as UInt64, 9])
        func theMedianLessTheValueAtARankIsTheMedianWithoutIt(seed: UInt64) {
            // Given multisets of many sizes with ties
            var random = Generator(state: seed)
            var values = SortedValues()
            var reference: [Double] = []
            for _ in 0..<400 {
                let value = Double(random.next(50))
                values.insert(value)
                reference.append(value)
                // When one held value is left out of the median
                let held = reference[random.next(reference.count)]
                var without = reference
                without.remove(at: without.firstIndex(of: held) ?? 0)

                // Then the median is that of the others
                #expect(values.median(excludingRank: values.rank(of: held)) == SeasonalBucketTests.median(without), "\(reference.count)")
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
