import InquestCore
@testable import InquestStore
import Testing

@Suite struct MinuteRollupTests {
    let matchAll = FilterSQL(whereClause: "1 = 1", arguments: [], usesFullText: false)

    @Test func coarseUnfilteredHistogramAgreesWithAScan() throws {
        // Given events over six hours, appended in two batches with some duplicates
        let store = try InquestStore.inMemory()
        let minute: Int64 = 60_000_000_000
        let base: Int64 = 1_795_000_000 * 1_000_000_000 / minute * minute
        let events = (0..<3_000).map { n in
            StoreFixtures.event(n, ts: base + Int64((n * 7919) % 360) * minute + Int64(n % 13) * 1_000_000_000,
                                severity: n % 9 == 0 ? .error : .info)
        }
        try store.append(EventBatch(events: Array(events[0..<2_000])))
        try store.append(EventBatch(events: Array(events[1_500..<3_000])))

        // Then the rollup-backed histogram equals the scanning one
        #expect(try store.count(.everything) == 3_000)
        for buckets in [1, 6, 36] {
            let from = Timestamp(nanoseconds: base)
            let to = Timestamp(nanoseconds: base + 360 * minute - 1)
            let rollup = try store.histogram(.everything, from: from, to: to, buckets: buckets)
            let scan = try store.histogram(matchAll, from: from, to: to, buckets: buckets)
            #expect(rollup == scan, "\(buckets) buckets")
            #expect(rollup.map(\.errors).reduce(0, +) == events.filter { $0.severity >= .error }.count)
        }
    }

    @Test func floorDivisionRoundsTowardsMinusInfinity() {
        #expect(MinuteRollup.floorDivide(-1, 60) == -1)
        #expect(MinuteRollup.floorDivide(-60, 60) == -1)
        #expect(MinuteRollup.floorDivide(59, 60) == 0)
    }
}
