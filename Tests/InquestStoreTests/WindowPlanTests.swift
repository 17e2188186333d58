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

    @Test(arguments: [
        ("n:250", #"attributes : "250""#),
        ("service:api n:13", #"(attributes : "13") AND (service : s617069)"#),
        ("timeout n:20", #"({message attributes} : "timeout"*) AND (attributes : "20")"#),
    ])
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

    /// The canvas's count and time range come from one planned read; under every plan they must
    /// agree with the matching rows themselves.
    @Test(arguments: ["timeout", "\"gateway timeout\" -service:web", "time* severity>=error", "severity>=error", "service:web", "absentword", ""])
    func theExtentAgreesWithTheMatchingRows(filterText: String) throws {
        let store = try InquestStore.inMemory()
        let words = ["gateway timeout", "connection refused", "ok", "slow timeout", "timeout"]
        let events = (0..<400).map { n in
            StoreFixtures.event(n, ts: Int64((n * 37) % 150) + 1_000, severity: n % 5 == 0 ? .error : .info,
                                service: n % 3 == 0 ? "web" : "api", message: words[n % words.count] + " \(n)")
        }
        try store.append(EventBatch(events: events))
        let filter = FilterSQLCompiler.compile(try Filter.parse(filterText), now: .now())

        let extent = try store.extent(filter)

        let matching = try store.window(filter, anchor: .oldest, limit: 1_000)
        #expect(extent.count == matching.count)
        #expect(extent.count == (try store.count(filter)))
        if let first = matching.first, let last = matching.last {
            #expect(extent.timeRange == first.timestamp...last.timestamp)
        } else {
            #expect(extent.timeRange == nil)
        }
        #expect(filterText != "timeout" || extent.count == 240)
    }

    @Test func aFilterWithoutPositiveFreeTextHasNoDrivingQuery() throws {
        for text in ["service:api", "-timeout", "timeout OR service:api", ""] {
            #expect(FilterSQLCompiler.compile(try Filter.parse(text), now: .now()).drivingFullTextQuery == nil, "\(text)")
        }
    }

    private func rows(_ store: InquestStore, _ filter: FilterSQL, _ anchor: WindowAnchor, walk: Bool) throws -> [Int64] {
        // As `InquestStore.window` runs them: a plan that reads the match set is driven by its ids.
        let (ids, descending): ([Int64], Bool) = try store.writer.read { db in
            let plan = try InquestStore.plan(filter, db)
            let query = WindowQuery(filter: walk ? filter : plan.filter, anchor: anchor, limit: 17, walkTimeIndex: walk)
            return (try Row.fetchAll(db, sql: query.sql, arguments: query.arguments).map { $0["id"] }, query.descending)
        }
        return descending ? ids.reversed() : ids
    }

    /// The index's service column narrows `service:` terms but is not free text: `payment`
    /// finds messages that say payment, not every event of the payment service.
    @Test func freeTextIgnoresTheServiceColumnWhichOnlyNarrows() throws {
        let store = try InquestStore.inMemory()
        let events = (0..<300).map { n in
            var event = StoreFixtures.event(n, ts: Int64(n), service: n % 2 == 0 ? "payment" : "checkout",
                                            message: n % 50 == 0 ? "payment declined" : "request done")
            event.attributesJSON = n % 7 == 0 ? #"{"status":504}"# : #"{"status":200}"#
            return event
        }
        try store.append(EventBatch(events: events))
        _ = try store.indexFullText()
        let now = Timestamp.now()
        #expect(try store.count(FilterSQLCompiler.compile(try Filter.parse("payment"), now: now)) == 6)
        let filter = FilterSQLCompiler.compile(try Filter.parse("service:payment status:504"), now: now)
        #expect(filter.drivingFullTextQuery == #"(attributes : "504") AND (service : s7061796D656E74)"#)
        let expected = events.filter { $0.service == "payment" && $0.attributesJSON.contains("504") }.count
        #expect(try store.count(filter) == expected)
        #expect(try store.count(FilterSQLCompiler.compile(try Filter.parse("service:PayMent status:504"), now: now)) == expected,
                "the index token folds ASCII case as the equality does")
        #expect(try store.count(FilterSQLCompiler.compile(try Filter.parse("service:pay status:504"), now: now)) == 0)
        #expect(FullTextServiceToken.token(for: "API-gw") == "s6170692D6777")
        #expect(FullTextServiceToken.token(for: "Äpi") != FullTextServiceToken.token(for: "äpi"), "NOCASE folds ASCII only")
        #expect(FullTextServiceToken.token(for: String(repeating: "x", count: 257)) == nil)
        for anchor in [WindowAnchor.oldest, .newest] {
            let walked = try rows(store, filter, anchor, walk: true)
            #expect(walked == (try rows(store, filter, anchor, walk: false)))
            #expect(walked.count == min(expected, 17))
        }
        // A service alone never drives from the index: the time index carries the service.
        #expect(FilterSQLCompiler.compile(try Filter.parse("service:payment"), now: now).drivingFullTextQuery == nil)
    }

    /// Rows read from the driving query's matches are tested without evaluating that query
    /// again, and count and position agree with the plain condition.
    @Test(arguments: ["timeout", "\"gateway timeout\" -service:web", "-refused timeout", "timeout n:7", "n:7"])
    func theMatchSetConditionDropsTheDrivingMatchAndAgrees(filterText: String) throws {
        let store = try InquestStore.inMemory()
        let words = ["gateway timeout", "connection refused", "ok", "slow timeout refused", "timeout"]
        let events = (0..<400).map { n in
            var event = StoreFixtures.event(n, ts: Int64((n * 37) % 150), service: n % 3 == 0 ? "web" : "api",
                                            message: words[n % words.count] + " \(n)")
            event.attributesJSON = #"{"n":\#(n % 11)}"#
            return event
        }
        try store.append(EventBatch(events: events))
        _ = try store.indexFullText()
        let filter = FilterSQLCompiler.compile(try Filter.parse(filterText), now: .now())
        let driving = try #require(filter.drivingFullTextQuery)
        let matchSet = try #require(filter.matchSetWhereClause)
        #expect(!filter.matchSetArguments.contains(.text(driving)), "\(matchSet)")
        let plain: Int = try store.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM event WHERE \(filter.condition)", arguments: filter.statementArguments()) ?? -1
        }
        #expect(try store.count(filter) == plain)
        #expect(plain > 0)
        let cursor = EventCursor(timestamp: Timestamp(nanoseconds: 75), id: 200)
        let before: Int = try store.writer.read { db in
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM event WHERE \(filter.condition) AND event.ts <= ? AND (event.ts < ? OR event.id < ?)",
                arguments: filter.statementArguments([75, 75, 200])) ?? -1
        }
        #expect(try store.position(of: cursor, in: filter) == before)
    }
}
