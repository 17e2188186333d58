import InquestCore
import Testing
@testable import InquestStore

@Suite("Stars, tags and the change token")
struct AnnotationTests {
    @Test func starsUnstarsAndToggles() throws {
        let store = try InquestStore.inMemory()
        let id = try #require(try store.append(EventBatch(events: [StoreFixtures.event(1, ts: 1)])).firstID)

        try store.star(eventID: id)
        try store.star(eventID: id)
        #expect(try store.isStarred(eventID: id))
        try store.unstar(eventID: id)
        #expect(try store.isStarred(eventID: id) == false)
        #expect(try store.toggleStar(eventID: id) == true)
        #expect(try store.toggleStar(eventID: id) == false)
        #expect(throws: StoreError.notFound(what: "event", id: id + 100)) { try store.star(eventID: id + 100) }
    }

    @Test func tagsEventsAndCountsTags() throws {
        let store = try InquestStore.inMemory()
        let result = try store.append(EventBatch(events: [StoreFixtures.event(1, ts: 1), StoreFixtures.event(2, ts: 2)]))
        let first = try #require(result.firstID)
        let second = try #require(result.lastID)

        try store.addTag(" suspect ", eventID: first)
        try store.addTag("suspect", eventID: second)
        try store.addTag("db", eventID: second)

        #expect(try store.tags(eventID: second) == ["db", "suspect"])
        #expect(try store.allTags() == [TagCount(tag: "db", count: 1), TagCount(tag: "suspect", count: 2)])
        #expect(try store.removeTag("suspect", eventID: first))
        #expect(try store.removeTag("suspect", eventID: first) == false)
        #expect(try store.tags(eventID: first).isEmpty)
        #expect(throws: StoreError.self) { try store.addTag("   ", eventID: first) }
    }

    @Test func changeTokenMovesOnEveryVisibleWriteOnly() throws {
        let store = try InquestStore.inMemory()
        var token = try store.changeToken()
        func expectChanged(_ what: String) throws {
            let next = try store.changeToken()
            #expect(next != token, "\(what) should change the token")
            token = next
        }

        let id = try #require(try store.append(EventBatch(events: [StoreFixtures.event(1, ts: 1)])).firstID)
        try expectChanged("append")
        try store.star(eventID: id)
        try expectChanged("star")
        try store.addTag("x", eventID: id)
        try expectChanged("tag")
        let investigationID = try #require(try store.createInvestigation(Investigation(title: "T")).id)
        try expectChanged("investigation")
        try store.link(eventID: id, toInvestigation: investigationID)
        try expectChanged("link")
        try store.addNote(investigationID: investigationID, body: "n")
        try expectChanged("note")

        try store.indexFullText()
        _ = try store.window(.everything, anchor: .oldest, limit: 10)
        try store.append(EventBatch(events: [StoreFixtures.event(1, ts: 1)]))
        #expect(try store.changeToken() == token, "reads, indexing and duplicate appends change nothing visible")
    }

    @Test func statsCountBySourceSeverityAndService() throws {
        let store = try InquestStore.inMemory()
        try store.append(EventBatch(
            events: [
                StoreFixtures.event(1, ts: 5, severity: .error, service: "api"),
                StoreFixtures.event(2, ts: 9, service: "api"),
                StoreFixtures.event(3, ts: 7, service: "db", kind: .change),
                StoreFixtures.event(4, ts: 8, service: nil),
            ],
            deadLetters: [DeadLetter(source: "s", location: "1", reason: "r", raw: [])]))

        let stats = try store.stats(topServices: 1)

        #expect(stats.totalEvents == 4)
        #expect(stats.bySourceKind == [.log: 3, .change: 1])
        #expect(stats.bySeverity == [.error: 1, .info: 3])
        #expect(stats.topServices == [ServiceCount(service: "api", count: 2)])
        #expect(stats.timeRange == Timestamp(nanoseconds: 5)...Timestamp(nanoseconds: 9))
        #expect(stats.deadLetters == 1)
        #expect(stats.fullTextBacklog == 4)
    }
}
