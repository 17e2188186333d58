import GRDB
import InquestCore
import Testing
@testable import InquestStore

@Suite("Investigations, notes and links")
struct InvestigationTests {
    @Test func createsUpdatesListsAndDeletesInvestigations() throws {
        let store = try InquestStore.inMemory()
        let created = try store.createInvestigation(Investigation(
            title: "Checkout 502s", severity: .sev2, owner: "ann", createdAt: Timestamp(nanoseconds: 100),
            windowStart: Timestamp(nanoseconds: 10), windowEnd: Timestamp(nanoseconds: 20), affectedServices: ["checkout", "db"]))
        let id = try #require(created.id)
        #expect(try store.investigation(id: id) == created)

        var changed = created
        changed.status = .resolved
        changed.rootCause = "connection pool exhausted"
        let updated = try store.updateInvestigation(changed)

        let reread = try #require(try store.investigation(id: id))
        #expect(reread == updated)
        #expect(reread.rootCause == "connection pool exhausted")
        #expect(reread.updatedAt > created.updatedAt)
        #expect(reread.resolvedAt != nil)
        #expect(try store.investigations().map(\.investigation.id) == [id])

        try store.deleteInvestigation(id: id)
        #expect(try store.investigation(id: id) == nil)
        #expect(throws: StoreError.notFound(what: "investigation", id: id)) { try store.deleteInvestigation(id: id) }
        #expect(throws: StoreError.self) { try store.createInvestigation(Investigation(title: "  ")) }
    }

    @Test func notesAreOrderedByCreationAndEditable() throws {
        let store = try InquestStore.inMemory()
        let eventID = try #require(try store.append(EventBatch(events: [StoreFixtures.event(1, ts: 1)])).firstID)
        let investigationID = try #require(try store.createInvestigation(Investigation(title: "Latency")).id)

        let second = try store.addNote(investigationID: investigationID, body: "then this", author: "bob", at: Timestamp(nanoseconds: 2_000))
        let first = try store.addNote(investigationID: investigationID, eventID: eventID, body: "first", at: Timestamp(nanoseconds: 1_000))
        let edited = try store.editNote(id: try #require(second.id), body: "then **this**", at: Timestamp(nanoseconds: 3_000))

        #expect(try store.notes(investigationID: investigationID).map(\.body) == ["first", "then **this**"])
        #expect(try store.notes(eventID: eventID).map(\.id) == [first.id])
        #expect(edited.editedAt == Timestamp(nanoseconds: 3_000) && edited.createdAt == Timestamp(nanoseconds: 2_000))
        #expect(first.author == CurrentUser.name && second.author == "bob")
        #expect(try store.investigations().first?.noteCount == 2)

        try store.deleteNote(id: try #require(first.id))
        #expect(try store.notes(investigationID: investigationID).count == 1)
        #expect(throws: StoreError.notFound(what: "investigation", id: 999)) {
            try store.addNote(investigationID: 999, body: "orphan")
        }
    }

    @Test func linksEventsWithWhoWhenAndWhyAndCascadesOnDelete() throws {
        let store = try InquestStore.inMemory()
        let result = try store.append(EventBatch(events: [StoreFixtures.event(1, ts: 20), StoreFixtures.event(2, ts: 10)]))
        let firstID = try #require(result.firstID)
        let lastID = try #require(result.lastID)
        let investigationID = try #require(try store.createInvestigation(Investigation(title: "Errors")).id)

        try store.link(eventID: firstID, toInvestigation: investigationID, reason: "first 5xx", by: "ann", at: Timestamp(nanoseconds: 5))
        try store.link(eventID: lastID, toInvestigation: investigationID)

        #expect(try store.linkedEvents(investigationID: investigationID).map(\.id) == [lastID, firstID])
        let links = try store.links(investigationID: investigationID)
        #expect(links.contains(EventLink(investigationID: investigationID, eventID: firstID, linkedBy: "ann", linkedAt: Timestamp(nanoseconds: 5), reason: "first 5xx")))
        #expect(try store.investigations().first?.linkedEventCount == 2)
        #expect(try store.unlink(eventID: lastID, fromInvestigation: investigationID))
        #expect(try store.unlink(eventID: lastID, fromInvestigation: investigationID) == false)
        #expect(throws: StoreError.notFound(what: "event", id: 12345)) {
            try store.link(eventID: 12345, toInvestigation: investigationID)
        }

        try store.deleteInvestigation(id: investigationID)
        let orphanLinks = try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM event_link") }
        #expect(orphanLinks == 0)
    }
}
