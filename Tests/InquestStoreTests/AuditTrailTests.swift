import Foundation
import GRDB
import InquestCore
import Synchronization
import Testing
@testable import InquestStore

@Suite("Audit trail")
struct AuditTrailTests {
    /// A store whose trail records "auditor" at times 1, 2, 3... seconds.
    private func makeStore() throws -> InquestStore {
        let counter = Counter()
        return try InquestStore.inMemory(audit: AuditIdentity(actor: "auditor", clock: {
            Timestamp(seconds: counter.next())
        }))
    }

    @Test func recordsEveryKindOfChangeWithWhoWhenAndBeforeAfter() throws {
        let store = try makeStore()
        let eventID = try #require(try store.append(EventBatch(events: [StoreFixtures.event(1, ts: 1)])).firstID)
        let created = try store.createInvestigation(Investigation(title: "Checkout 502s", owner: "ann"))
        let id = try #require(created.id)
        var changed = created
        changed.status = .resolved
        changed.rootCause = "pool exhausted"
        try store.updateInvestigation(changed)
        let note = try store.addNote(investigationID: id, eventID: eventID, body: "first")
        let noteID = try #require(note.id)
        try store.editNote(id: noteID, body: "second")
        try store.link(eventID: eventID, toInvestigation: id, reason: "the first 502")
        try store.star(eventID: eventID)
        try store.addTag("root-cause", eventID: eventID)
        try store.removeTag("root-cause", eventID: eventID)
        try store.unstar(eventID: eventID)

        let trail = try store.auditTrail(investigationID: id)
        let summary = trail.map { "\($0.entity.rawValue) \($0.action.rawValue)" + ($0.detail.map { " \($0)" } ?? "") }
        #expect(summary == [
            "investigation create",
            "investigation update status, resolved_at, root_cause",
            "note create", "note update body",
            "link create",
            "star create", "tag create root-cause", "tag delete root-cause", "star delete",
        ])
        #expect(trail.allSatisfy { $0.actor == "auditor" })
        #expect(trail.map(\.at.nanoseconds) == trail.map(\.at.nanoseconds).sorted())

        let update = try #require(trail.first { $0.entity == .investigation && $0.action == .update })
        let before = try decode(update.before)
        let after = try decode(update.after)
        #expect(before["status"] as? String == "open")
        #expect(after["status"] as? String == "resolved")
        #expect(after["root_cause"] as? String == "pool exhausted")
        #expect((after["affected_services"] as? [Any])?.isEmpty == true, "JSON columns are nested, not quoted")

        let noteEdit = try #require(try store.lastEdit(noteID: noteID))
        #expect(noteEdit.action == .update)
        #expect(try decode(noteEdit.before)["body"] as? String == "first")
        #expect(try decode(noteEdit.after)["body"] as? String == "second")
        #expect(try store.lastEdit(investigationID: id)?.detail == "status, resolved_at, root_cause")
    }

    @Test func lastEditsOfManyAgreeWithOneByOne() throws {
        let store = try makeStore()
        let first = try #require(try store.createInvestigation(Investigation(title: "One")).id)
        let second = try #require(try store.createInvestigation(Investigation(title: "Two")).id)
        var renamed = try #require(try store.investigation(id: second))
        renamed.title = "Two, renamed"
        try store.updateInvestigation(renamed)
        let a = try #require(try store.addNote(investigationID: first, body: "a").id)
        let b = try #require(try store.addNote(investigationID: first, body: "b").id)
        try store.editNote(id: b, body: "b2")
        try store.addNote(investigationID: second, body: "touches two, not an edit of its fields")

        let notes = try store.lastEdits(noteIDs: [a, b, 999])
        #expect(notes.count == 2)
        #expect(notes[a] == (try store.lastEdit(noteID: a)))
        #expect(notes[b] == (try store.lastEdit(noteID: b)))
        let investigations = try store.lastEdits(investigationIDs: [first, second])
        #expect(investigations[first] == (try store.lastEdit(investigationID: first)))
        #expect(investigations[second] == (try store.lastEdit(investigationID: second)))
        #expect(investigations[second]?.detail == "title")
        #expect(try store.lastEdits(noteIDs: []).isEmpty)
    }

    @Test func touchingUpdatedAtAloneIsNotRecordedButLinkChangesAre() throws {
        let store = try makeStore()
        let eventID = try #require(try store.append(EventBatch(events: [StoreFixtures.event(1, ts: 1)])).firstID)
        let id = try #require(try store.createInvestigation(Investigation(title: "Latency")).id)
        try store.link(eventID: eventID, toInvestigation: id)
        try store.link(eventID: eventID, toInvestigation: id)  // same values again: nothing changed
        try store.link(eventID: eventID, toInvestigation: id, reason: "now with a reason")
        try store.unlink(eventID: eventID, fromInvestigation: id)
        let entries = try store.auditTrail(investigationID: id).map { "\($0.entity.rawValue) \($0.action.rawValue)" }
        #expect(entries == ["investigation create", "link create", "link update", "link delete"])
    }

    @Test func deletionsKeepTheirTrailWithTheRowsBeforeValues() throws {
        let store = try makeStore()
        let id = try #require(try store.createInvestigation(Investigation(title: "Gone soon")).id)
        try store.addNote(investigationID: id, body: "a note")
        try store.deleteInvestigation(id: id)
        let trail = try store.auditTrail(investigationID: id)
        #expect(trail.map { "\($0.entity.rawValue) \($0.action.rawValue)" }
            == ["investigation create", "note create", "note delete", "investigation delete"])
        #expect(try decode(trail.last?.before)["title"] as? String == "Gone soon")
        #expect(trail.last?.after == nil)
    }

    @Test func aChangeThatFailsLeavesNoTrail() throws {
        let store = try makeStore()
        let id = try #require(try store.createInvestigation(Investigation(title: "Only")).id)
        #expect(throws: StoreError.self) { try store.link(eventID: 999, toInvestigation: id) }
        #expect(throws: StoreError.self) { try store.addNote(investigationID: id, eventID: 999, body: "x") }
        #expect(try store.auditTrail(investigationID: id).count == 1)
    }

    @Test func anotherConnectionOfTheSameFileRecordsItsOwnActor() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("inquest-audit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("store.db").path
        let first = try InquestStore.open(path: path, audit: AuditIdentity(actor: "ann"))
        let id = try #require(try first.createInvestigation(Investigation(title: "Shared")).id)
        let second = try InquestStore.open(path: path, audit: AuditIdentity(actor: "bob"))
        try second.addNote(investigationID: id, body: "from bob")
        #expect(try first.auditTrail(investigationID: id).map(\.actor) == ["ann", "bob"])
    }

    private func decode(_ json: String?) throws -> [String: Any] {
        let text = try #require(json)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }
}

/// A thread-safe counter for deterministic audit clocks.
private final class Counter: Sendable {
    private let value = Mutex<Int64>(0)
    func next() -> Int64 { value.withLock { $0 += 1; return $0 } }
}
