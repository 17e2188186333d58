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
