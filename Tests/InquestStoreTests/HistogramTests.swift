import InquestCore
import Testing
@testable import InquestStore

@Suite("Histogram")
struct HistogramTests {
    @Test func countsEventsPerBucketIncludingEmptyBuckets() throws {
        let store = try InquestStore.inMemory()
        // Times 0..99 ns: events at 5, 6 (bucket 0), 47 error (bucket 4), 99 critical (bucket 9); 120 outside.
        let events = [
            StoreFixtures.event(1, ts: 5), StoreFixtures.event(2, ts: 6),
            StoreFixtures.event(3, ts: 47, severity: .error), StoreFixtures.event(4, ts: 99, severity: .critical),
            StoreFixtures.event(5, ts: 120),
        ]
        try store.append(EventBatch(events: events))

        let buckets = try store.histogram(.everything, from: Timestamp(nanoseconds: 0), to: Timestamp(nanoseconds: 99), buckets: 10)

        #expect(buckets.count == 10)
        #expect(buckets.map(\.start.nanoseconds) == stride(from: 0, to: 100, by: 10).map(Int64.init))
        #expect(buckets.map(\.total) == [2, 0, 0, 0, 1, 0, 0, 0, 0, 1])
        #expect(buckets.map(\.errors) == [0, 0, 0, 0, 1, 0, 0, 0, 0, 1])
    }

    @Test func filteredAndUnfilteredQueriesAgree() throws {
        let store = try InquestStore.inMemory()
        let events = (0..<500).map { n in
            StoreFixtures.event(n, ts: Int64((n * 7919) % 1000), severity: n % 7 == 0 ? .critical : .info)
        }
        try store.append(EventBatch(events: events))
        // `1 = 1` matches everything but takes the GROUP BY path; `.everything` the per-bucket range counts.
        let matchAll = FilterSQL(whereClause: "1 = 1", arguments: [], usesFullText: false)
        for buckets in [1, 7, 60, 1000, 2000] {
            let from = Timestamp(nanoseconds: 13)
            let to = Timestamp(nanoseconds: 987)
            let unfiltered = try store.histogram(.everything, from: from, to: to, buckets: buckets)
            #expect(unfiltered == (try store.histogram(matchAll, from: from, to: to, buckets: buckets)), "\(buckets) buckets")
            #expect(unfiltered.map(\.total).reduce(0, +) == events.filter { (13...987).contains($0.timestamp.nanoseconds) }.count)
        }
        let extreme = try store.histogram(.everything, from: Timestamp(nanoseconds: .max - 10), to: Timestamp(nanoseconds: .max), buckets: 3)
        #expect(extreme.count == 3 && extreme.allSatisfy { $0.total == 0 })
        #expect(throws: StoreError.self) {
            try store.histogram(.everything, from: Timestamp(nanoseconds: .min), to: Timestamp(nanoseconds: .max), buckets: 3)
        }
    }

    @Test func appliesTheFilterAndRejectsBadRanges() throws {
        let store = try InquestStore.inMemory()
        try store.append(EventBatch(events: [
            StoreFixtures.event(1, ts: 0, severity: .error), StoreFixtures.event(2, ts: 1), StoreFixtures.event(3, ts: 3, severity: .error),
        ]))
        let buckets = try store.histogram(
            StoreFixtures.severityAtLeast(.error), from: Timestamp(nanoseconds: 0), to: Timestamp(nanoseconds: 3), buckets: 2)
        #expect(buckets.map(\.total) == [1, 1])
        #expect(throws: StoreError.self) {
            try store.histogram(.everything, from: Timestamp(nanoseconds: 5), to: Timestamp(nanoseconds: 1), buckets: 3)
        }
        #expect(throws: StoreError.self) {
            try store.histogram(.everything, from: Timestamp(nanoseconds: 0), to: Timestamp(nanoseconds: 1), buckets: 0)
        }
    }
}
