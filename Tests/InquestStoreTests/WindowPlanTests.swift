import GRDB
import InquestCore
@testable import InquestStore
import Testing

/// Both ways of reading a window (walking the time index, or looking up the full-text match
/// set and sorting it) must return the same rows for every anchor.
@Suite struct WindowPlanTests {
    @Test(arguments: ["timeout", "\"gateway timeout\" -service:web", "time* severity>=error", "timeout OR refused"])
    func bothPlansReturnTheSameWindows(filterText: String) throws {
        let store = try InquestStore.inMemory()
        let words = ["gateway timeout", "connection refused", "ok", "slow timeout", "timeout"]
        let events = (0..<400).map { n in
            StoreFixtures.event(n, ts: Int64((n * 37) % 150), severity: n % 5 == 0 ? .error : .info,
                                service: n % 3 == 0 ? "web" : "api", message: words[n % words.count] + " \(n)")
        }
        try store.append(EventBatch(events: events))
        _ = try store.indexFullText()
        let filter = FilterSQLCompiler.compile(try Filter.parse(filterText), now: .now())
        #expect(filter.drivingFullTextQuery != nil)
        let middle = EventCursor(timestamp: Timestamp(nanoseconds: 70), id: 200)
        for anchor in [WindowAnchor.oldest, .newest, .atOrAfter(Timestamp(nanoseconds: 60)), .after(middle), .before(middle)] {
            let walked = try rows(store, filter, anchor, walk: true)
            let looked = try rows(store, filter, anchor, walk: false)
            #expect(walked == looked, "\(filterText) \(anchor)")
            #expect(!walked.isEmpty)
        }
    }

    @Test(arguments: [("n:250", "\"250\""), ("service:api n:13", "\"13\""), ("timeout n:20", "(\"timeout\") AND (\"20\")")])
    func anAttributeEqualityDrivesByItsIndexCandidates(filterText: String, driving: String) throws {
        let store = try InquestStore.inMemory()
        let events = (0..<400).map { n in
            StoreFixtures.event(n, ts: Int64((n * 37) % 150), service: n % 3 == 0 ? "web" : "api", message: n % 2 == 0 ? "timeout \(n)" : "ok")
        }
        try store.append(EventBatch(events: events))
        _ = try store.indexFullText()
        let filter = FilterSQLCompiler.compile(try Filter.parse(filterText), now: .now())
        #expect(filter.drivingFullTextQuery == driving)
        for anchor in [WindowAnchor.oldest, .newest] {
            let walked = try rows(store, filter, anchor, walk: true)
            #expect(walked == (try rows(store, filter, anchor, walk: false)), "\(filterText) \(anchor)")
            #expect(walked.count == 1, "\(filterText) \(anchor)")
        }
    }

    @Test func aFilterWithoutPositiveFreeTextHasNoDrivingQuery() throws {
        for text in ["service:api", "-timeout", "timeout OR service:api", ""] {
            #expect(FilterSQLCompiler.compile(try Filter.parse(text), now: .now()).drivingFullTextQuery == nil, "\(text)")
        }
    }

    private func rows(_ store: InquestStore, _ filter: FilterSQL, _ anchor: WindowAnchor, walk: Bool) throws -> [Int64] {
        let query = WindowQuery(filter: filter, anchor: anchor, limit: 17, walkTimeIndex: walk)
        let ids: [Int64] = try store.writer.read { db in
            try Row.fetchAll(db, sql: query.sql, arguments: query.arguments).map { $0["id"] }
        }
        return query.descending ? ids.reversed() : ids
    }
}
