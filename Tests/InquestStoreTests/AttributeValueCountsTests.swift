import GRDB
import InquestCore
import Testing
@testable import InquestStore

/// Keys past the 64-value cap: their per-value counts (`AttributeCounts.valueTable`), what
/// keeps ids out of them, and the breakdowns that read them.
@Suite struct AttributeValueCountsTests {
    static let second = MinuteCountsTests.second
    static let minute = MinuteCountsTests.minute
    static let base = MinuteCountsTests.base
    static var first: Int64 { MinuteCounts.bucketMinute(of: base) }

    /// 6,000 events over the hour: a `code` of 150 values (each bucket holds all of them, ten
    /// events a value), an `rid` new on every event, a `status` of a few values, a `zone` of
    /// 80 values some events lack; appended in four batches of unequal sizes that straddle buckets.
    static func store() throws -> InquestStore {
        let store = try InquestStore.inMemory()
        let services: [String?] = ["api", "web", "cache", nil]
        let events = (0..<6_000).map { n -> Event in
            var event = StoreFixtures.event(
                n, ts: base + Int64(n) * 600 * second / 1_000 + Int64(n % 7), severity: Severity.allCases[(n / 5) % Severity.allCases.count],
                service: services[n % services.count])
            var members = ["\"code\":\((n * 31) % 150)", "\"rid\":\"r-\(n)\"", "\"status\":\(n % 11 == 0 ? 500 : 200)"]
            if n % 3 != 0 { members.append("\"zone\":\"z\((n * 7) % 80)\"") }
            event.attributesJSON = "{" + members.joined(separator: ",") + "}"
            return event
        }
        var next = 0
        for size in [700, 2_300, 1_900, 1_100] {
            try store.append(EventBatch(events: EncodedEvents(Array(events[next..<(next + size)]))))
            next += size
        }
        return store
    }

    static let filters = ["", "service:api", "severity>=error", "-service:*", "NOT service:web OR severity<info"]
    static let dimensionSets: [[BreakdownDimension]] = [
        [.attribute("code")], [.service, .attribute("code")], [.attribute("code"), .severity], [.attribute("zone")],
        [.attribute("rid")], [.attribute("status")],
    ]

    @Test(arguments: filters)
    func breakdownsFromThePerValueCountsEqualTheRowScan(filter text: String) throws {
        let store = try Self.store()
        #expect(try AttributeCountsTests.valueBuckets(store, "code") == [Self.first..<(Self.first + 60)])
        #expect(try AttributeCountsTests.valueBuckets(store, "zone") == [Self.first..<(Self.first + 60)])
        #expect(try AttributeCountsTests.countedBuckets(store, "status") == [Self.first..<(Self.first + 60)])
        let filter = FilterSQLCompiler.compile(try Filter.parse(text), now: .now())
        for dimensions in Self.dimensionSets {
            for window in MinuteCountsTests.windows {
                let fast = try store.breakdown(filter, by: dimensions, in: window)
                let rows = try store.breakdown(filter, by: dimensions, in: window, reading: .rows)
                #expect(fast == rows, "\(text) by \(dimensions.map(\.name)) in \(window)")
                let compared = try store.comparison(filter, by: dimensions, in: window)
                #expect(compared == (try store.comparison(filter, by: dimensions, in: window, reading: .rows)))
            }
        }
        let hour = Timestamp(nanoseconds: Self.base)..<Timestamp(nanoseconds: Self.base + 60 * Self.minute)
        let codes = try store.breakdown(.everything, by: [.attribute("code")], in: hour)
        #expect(codes.total.events == 6_000)
        #expect(codes.groupCount == 150)
    }

    /// The per-value rows of `key` in each bucket of the hour, and its state there.
    static func valueRows(_ store: InquestStore, _ key: String) throws -> [Int64: (rows: Int, state: Int64?)] {
        try store.writer.read { db in
            var result: [Int64: (rows: Int, state: Int64?)] = [:]
            for bucket in stride(from: first, to: first + 60, by: Int(MinuteCounts.bucketMinutes)) {
                let rows = try Int.fetchOne(
                    db, sql: "SELECT count(*) FROM \(AttributeCounts.valueTable) WHERE attr_key = ? AND minute = ?", arguments: [key, bucket]) ?? 0
                let state = try Int64.fetchOne(
                    db, sql: "SELECT overflow FROM \(AttributeCounts.bucketTable) WHERE attr_key = ? AND minute = ?", arguments: [key, bucket])
                result[bucket] = (rows, state)
            }
            return result
        }
    }

    @Test func idsKeepNoPerValueRowsOnceTheirBucketIsDone() throws {
        let store = try InquestStore.inMemory()
        // 100 events a bucket, each with a new `rid`, in batches of 50: one row per event while
        // a bucket is written, none once the next one starts.
        let events = (0..<600).map { n -> Event in
            var event = StoreFixtures.event(n, ts: Self.base + Int64(n) * 6 * Self.second)
            event.attributesJSON = "{\"rid\":\"r-\(n)\",\"code\":\(n % 90)}"
            return event
        }
        for start in stride(from: 0, to: events.count, by: 50) {
            try store.append(EventBatch(events: EncodedEvents(Array(events[start..<(start + 50)]))))
        }
        let rows = try Self.valueRows(store, "rid")
        let tooMany = AttributeCounts.BucketState.tooManyValues.rawValue
        for bucket in stride(from: Self.first, to: Self.first + 50, by: Int(MinuteCounts.bucketMinutes)) {
            #expect(rows[bucket]?.rows == 0 && rows[bucket]?.state == tooMany, "bucket \(bucket)")
        }
        #expect(rows[Self.first + 50]?.rows == 100)
        // `code` repeats (90 values, 100 events a bucket): under the floor of rows, a bucket
        // done keeps it only while a row stands for two events; here it does not.
        #expect(try Self.valueRows(store, "code")[Self.first]?.state == tooMany)
        let window = Timestamp(nanoseconds: Self.base + 7 * Self.second)..<Timestamp(nanoseconds: Self.base + 60 * Self.minute)
        for key in ["rid", "code"] {
            #expect(try store.breakdown(.everything, by: [.attribute(key)], in: window)
                == store.breakdown(.everything, by: [.attribute(key)], in: window, reading: .rows))
        }

        // One batch with more new values than the floor and than half its events writes no row.
        let wide = Self.wideBatch(start: 1_000, count: Int(AttributeCounts.valueRowsFloor) + 10, at: Self.base + 61 * Self.minute)
        try store.append(EventBatch(events: EncodedEvents(wide)))
        let bucket = Self.first + 60
        let stored = try store.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM \(AttributeCounts.valueTable) WHERE attr_key = 'rid' AND minute = ?", arguments: [bucket])
        }
        #expect(stored == 0)
    }

    @Test func aStoreAtV22UpgradesAndCountsValuesPastTheCap() throws {
        let path = try MigrationUpgradeTests.oldStore(upTo: "v22-attribute-counts", events: 20) { n in
            (Self.base - 2 * Self.minute + Int64(n) * Self.second, Severity.info.rawValue, "old event")
        }
        let store = try InquestStore.open(path: path)
        let events = (0..<2_000).map { n -> Event in
            var event = StoreFixtures.event(n, ts: Self.base + Int64(n) * 1_800 * Self.second / 1_000, severity: n % 4 == 0 ? .error : .info)
            event.attributesJSON = "{\"user\":\"u\(n % 120)\"}"
            return event
        }
        try store.append(EventBatch(events: EncodedEvents(events)))
        #expect(try AttributeCountsTests.valueBuckets(store, "user") == [Self.first..<(Self.first + 60)])
        let window = Timestamp(nanoseconds: Self.base - 5 * Self.minute)..<Timestamp(nanoseconds: Self.base + 55 * Self.minute + 3)
        let fast = try store.breakdown(.everything, by: [.attribute("user")], in: window)
        #expect(fast == (try store.breakdown(.everything, by: [.attribute("user")], in: window, reading: .rows)))
        #expect(fast.total.events == 20 + 1_834)
    }

    /// `count` events from number `start` in the ten minutes from `time`, each with a new `rid`.
    static func wideBatch(start: Int, count: Int, at time: Int64) -> [Event] {
        (0..<count).map { i in
            var event = StoreFixtures.event(start + i, ts: time + Int64(i) * 100 * MinuteCountsTests.second / 1_000)
            event.attributesJSON = "{\"rid\":\"w-\(i)\"}"
            return event
        }
    }
}
