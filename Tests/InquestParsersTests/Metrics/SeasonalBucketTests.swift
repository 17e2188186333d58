import Foundation
import InquestCore
import Testing

@testable import InquestParsers

extension MetricsTests {
    @Suite("Seasonal bucket")
    struct SeasonalBucketTests {
        /// Deterministic pseudo-random integers in 0..<bound.
        struct Generator {
            var state: UInt64
            mutating func next(_ bound: Int) -> Int {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                return Int((state >> 33) % UInt64(bound))
            }
        }

        static func median(_ values: [Double]) -> Double? {
            guard !values.isEmpty else { return nil }
            let sorted = values.sorted()
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }

        @Test(arguments: [1 as UInt64, 7, 2026])
        func medianMatchesBruteForceWithTiesAndTimesOutOfOrder(seed: UInt64) {
            // Given a stream of values with many ties, times going back and forth, and horizons
            var random = Generator(state: seed)
            var bucket = SeasonalBucket()
            var reference: [SeasonalBucket.Entry] = []
            for step in 0..<1_500 {
                // When values are remembered and old ones forgotten
                if random.next(4) == 0 {
                    let horizon = Int64(random.next(400))
                    bucket.forget(before: horizon)
                    reference.removeAll { $0.time < horizon }
                } else {
                    let entry = SeasonalBucket.Entry(time: Int64(random.next(500)), value: Double(random.next(9)) / 2)
                    bucket.insert(entry.value, time: entry.time)
                    reference.append(entry)
                }
                // Then the median and the entries are those of the brute-force list
                #expect(bucket.count == reference.count, "step \(step)")
                #expect(bucket.median == Self.median(reference.map(\.value)), "step \(step)")
            }
            #expect(bucket.entries == reference)
        }

        @Test func encodesAsItsEntriesInArrivalOrderAndReadsThemBack() throws {
            // Given a bucket that forgot its oldest value
            var bucket = SeasonalBucket()
            bucket.insert(3, time: 20)
            bucket.insert(1, time: 10)
            bucket.insert(2, time: 30)
            bucket.forget(before: 15)

            // When it is encoded (keys sorted: Foundation's encoder does not keep an order)
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            let data = try encoder.encode(bucket)

            // Then it is the list a checkpoint held before the bucket had a type, and decodes back
            #expect(String(decoding: data, as: UTF8.self) == #"[{"time":20,"value":3},{"time":30,"value":2}]"#)
            let decoded = try JSONDecoder().decode(SeasonalBucket.self, from: data)
            #expect(decoded == bucket && decoded.median == 2.5 && decoded.count == 2)
        }

        /// The profile as it was before ``SeasonalBucket``: a filter and a sort of the bucket's
        /// entries per value. The bucket must give the same expectations.
        struct FilterAndSortProfile {
            let period: Int64
            let buckets: Int
            var entries: [[SeasonalBucket.Entry]]

            func bucket(of time: Int64) -> Int {
                var phase = time % period
                if phase < 0 { phase += period }
                return min(buckets - 1, Int(phase / (period / Int64(buckets))))
            }

            func expected(at time: Int64) -> Double? {
                let recent = entries[bucket(of: time)].filter {
                    Timestamp.span(from: Timestamp(nanoseconds: $0.time), to: Timestamp(nanoseconds: time)) <= period * 4
                }
                guard recent.count >= 2 else { return nil }
                return SeasonalBucketTests.median(recent.map(\.value))
            }

            mutating func record(_ value: Double, at time: Int64) {
                let index = bucket(of: time)
                entries[index].removeAll { $0.time < time.addingSaturating(-(period * 4)) }
                entries[index].append(SeasonalBucket.Entry(time: time, value: value))
            }
        }

        @Test func profileExpectationsMatchTheFilterAndSortTheyReplaced() {
            // Given a one-hour profile of 4 buckets and times that jump back and forth over days
            var random = Generator(state: 11)
            var profile = SeasonalProfile(periodSeconds: 3_600, bucketCount: 4, periodsRemembered: 4, minimumBucketEntries: 2, residualWindow: 50)
            var pending = profile
            var reference = FilterAndSortProfile(period: 3_600_000_000_000, buckets: 4, entries: Array(repeating: [], count: 4))
            var clock: Int64 = 1_700_000_000_000_000_000
            for step in 0..<4_000 {
                clock += Int64(random.next(1_800)) * 1_000_000_000 - 600_000_000_000
                let time = Timestamp(nanoseconds: clock)
                let value = Double(random.next(20))
                // When each value is expected, then recorded
                let expected = profile.expected(at: time)
                #expect(expected == reference.expected(at: clock), "step \(step)")
                profile.record(value, at: time, expected: expected)
                reference.record(value, at: clock)
                // And the detector's path (the bucket found once per value) agrees
                pending.prepare(at: time)
                #expect(pending.pendingExpectation == expected, "step \(step)")
                pending.recordPending(value, at: time)
                #expect(pending == profile, "step \(step)")
            }
            #expect(pending.residuals.sorted == profile.residuals.sorted)
        }

        /// The time limit is a hang guard, not a speed assertion: the old code would run for
        /// hours and hold CI until its own limit; this one takes seconds even on a loaded machine.
        @Test(.timeLimit(.minutes(10)))
        func rowsSharingOneTimestampAreScoredWithoutRescanningTheirBucket() {
            // Given 100,000 values at one instant (one seasonal bucket holds them all). A filter
            // and sort of the bucket per value took hours for this; a heap takes a second or so.
            let configuration = AnomalyDetector.Configuration(window: 16, warmUp: 8)
            var detector = AnomalyDetector(configuration: configuration)
            let instant = Timestamp(seconds: 1_800_000_000)

            // When every value is scored
            var highest = 0.0
            for index in 0..<100_000 {
                highest = max(highest, detector.score(timestamp: instant, value: Double(index % 7)))
            }

            // Then all of them were, each in [0, 1]
            #expect(highest > 0 && highest <= 1)
        }
    }
}
