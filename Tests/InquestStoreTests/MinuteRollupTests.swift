import GRDB
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

    /// Appends count their batch in Swift when every event was new, and read the stored rows
    /// back otherwise; either way the table must equal a count over the events themselves.
    @Test func theRollupEqualsACountOfTheStoredEventsAfterEveryKindOfAppend() throws {
        let store = try InquestStore.inMemory()
        let minute: Int64 = 60_000_000_000
        // Times on both sides of 1970 and of minute edges, with every severity.
        let events = (0..<600).map { n in
            StoreFixtures.event(n, ts: Int64(n - 300) * minute / 7 - 1, severity: Severity.allCases[n % Severity.allCases.count])
        }
        func expectAgreement(_ step: String) throws {
            let (rollup, counted) = try store.writer.read { db in
                (try Row.fetchAll(db, sql: "SELECT minute, severity, count FROM event_minute WHERE count > 0 ORDER BY 1, 2")
                    .map { [$0[0] as Int64, $0[1] as Int64, $0[2] as Int64] },
                 try Row.fetchAll(db, sql: """
                    SELECT \(MinuteRollup.minuteExpression), severity, count(*) FROM event GROUP BY 1, 2 ORDER BY 1, 2
                    """).map { [$0[0] as Int64, $0[1] as Int64, $0[2] as Int64] })
            }
            #expect(rollup == counted, "after \(step)")
            #expect(!rollup.isEmpty)
        }

        try store.append(EventBatch(events: Array(events[0..<200])))
        try expectAgreement("all new")
        try store.append(EventBatch(events: Array(events[150..<300])))
        try expectAgreement("some duplicates")
        try store.append(EventBatch(events: Array(events[0..<100])))
        try expectAgreement("all duplicates")
        try store.append(EventBatch(events: Array(events[300..<600])))
        try expectAgreement("a batch of new events after duplicates")
        #expect(try store.count(.everything) == 600)
    }

    @Test func floorDivisionRoundsTowardsMinusInfinity() {
        #expect(MinuteRollup.floorDivide(-1, 60) == -1)
        #expect(MinuteRollup.floorDivide(-60, 60) == -1)
        #expect(MinuteRollup.floorDivide(59, 60) == 0)
    }
}
