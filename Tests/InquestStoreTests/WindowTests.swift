import InquestCore
import Testing
@testable import InquestStore

@Suite("Keyset windows, counts and positions")
struct WindowTests {
    /// 30 events: timestamps 0, 0, 0, 10, 10, 10, ... (three per time), every third an error.
    private func makeStore() throws -> InquestStore {
        let store = try InquestStore.inMemory()
        let events = (0..<30).map { n in
            StoreFixtures.event(n, ts: Int64(n / 3) * 10, severity: n % 3 == 2 ? .error : .info)
        }
        // Insert in reverse so that id order differs from insertion of times within the batch.
        try store.append(EventBatch(events: Array(events.reversed())))
        return store
    }

    private func expectAscending(_ window: [EventSummary]) {
        #expect(zip(window, window.dropFirst()).allSatisfy { $0.cursor < $1.cursor })
    }

    @Test func pagesForwardAcrossEqualTimestampsWithoutGapsOrRepeats() throws {
        let store = try makeStore()
        var seen: [EventSummary] = []
        var page = try store.window(.everything, anchor: .oldest, limit: 4)
        while !page.isEmpty {
            expectAscending(page)
            seen += page
            guard let last = page.last else { break }
            page = try store.window(.everything, anchor: .after(last.cursor), limit: 4)
        }
        #expect(seen.count == 30)
        #expect(Set(seen.map(\.id)).count == 30)
        expectAscending(seen)
    }

    @Test func pagesBackwardFromTheNewestAndMatchesForwardOrder() throws {
        let store = try makeStore()
        let forward = try store.window(.everything, anchor: .oldest, limit: 100)
        var backward: [EventSummary] = []
        var page = try store.window(.everything, anchor: .newest, limit: 7)
        while !page.isEmpty {
            expectAscending(page)
            backward = page + backward
            guard let first = page.first else { break }
            page = try store.window(.everything, anchor: .before(first.cursor), limit: 7)
        }
        #expect(backward.map(\.id) == forward.map(\.id))
    }

    @Test func breaksTimestampTiesById() throws {
        let store = try makeStore()
        let all = try store.window(.everything, anchor: .oldest, limit: 100)
        let middle = all[4]  // the second of the three events at time 10
        let after = try store.window(.everything, anchor: .after(middle.cursor), limit: 1)
        let before = try store.window(.everything, anchor: .before(middle.cursor), limit: 1)
        #expect(after.first?.id == all[5].id)
        #expect(before.first?.id == all[3].id)
        #expect(after.first?.timestamp == middle.timestamp && before.first?.timestamp == middle.timestamp)
    }

    @Test func startsAtATimeAndAppliesTheFilter() throws {
        let store = try makeStore()
        let errors = StoreFixtures.severityAtLeast(.error)
        let fromTime = try store.window(.everything, anchor: .atOrAfter(Timestamp(nanoseconds: 15)), limit: 2)
        let errorPage = try store.window(errors, anchor: .atOrAfter(Timestamp(nanoseconds: 15)), limit: 3)
        let lastErrors = try store.window(errors, anchor: .newest, limit: 2)
        #expect(fromTime.map(\.timestamp.nanoseconds) == [20, 20])
        #expect(errorPage.map(\.timestamp.nanoseconds) == [20, 30, 40])
        #expect(errorPage.allSatisfy { $0.severity == .error })
        #expect(lastErrors.map(\.timestamp.nanoseconds) == [80, 90])
    }

    @Test func countsRangesAndPositionsUnderAFilter() throws {
        let store = try makeStore()
        let errors = StoreFixtures.severityAtLeast(.error)
        let errorWindow = try store.window(errors, anchor: .oldest, limit: 100)
        #expect(try store.count(.everything) == 30)
        #expect(try store.count(errors) == 10)
        #expect(try store.extent(.everything) == FilterExtent(count: 30, timeRange: Timestamp(nanoseconds: 0)...Timestamp(nanoseconds: 90)))
        #expect(try store.extent(FilterSQL(whereClause: "event.ts > ?", arguments: [.integer(1000)], usesFullText: false))
            == FilterExtent(count: 0, timeRange: nil))
        #expect(try store.position(of: errorWindow[3].cursor, in: errors) == 3)
        // Within each time the error has the lowest id (the batch was inserted newest first),
        // so the fourth error (time 30) is preceded only by the nine events at times 0...20.
        #expect(try store.position(of: errorWindow[3].cursor, in: .everything) == 9)
        #expect(try store.window(.everything, anchor: .oldest, limit: 0).isEmpty)
    }

    @Test func decoratesWindowRowsWithStarsTagsAndLinks() throws {
        let store = try makeStore()
        let rows = try store.window(.everything, anchor: .oldest, limit: 3)
        let investigation = try store.createInvestigation(Investigation(title: "Checkout down"))
        let investigationID = try #require(investigation.id)
        try store.star(eventID: rows[1].id)
        try store.addTag("suspect", eventID: rows[1].id)
        try store.addTag("db", eventID: rows[1].id)
        try store.link(eventID: rows[2].id, toInvestigation: investigationID, reason: "first error")

        let decorated = try store.window(.everything, anchor: .oldest, limit: 3)

        #expect(decorated.map(\.isStarred) == [false, true, false])
        #expect(decorated[1].tags == ["db", "suspect"])
        #expect(decorated[2].linkedInvestigationIDs == [investigationID])
        #expect(decorated[0].tags.isEmpty && decorated[0].linkedInvestigationIDs.isEmpty)
    }
}
