import Foundation
import InquestCore
import InquestStore
import Testing
@testable import InquestExchange

@Suite("Bundle → import round trips, idempotence and id remapping")
struct BundleRoundTripTests {
    @Test func importsIntoAnEmptyStoreAsTheSameInvestigation() throws {
        // Given a bundle of the source investigation
        let (source, id) = try ExchangeFixtures.sourceStore()
        let data = try ExchangeFixtures.bundleData(source, id)
        // When it is read back and imported into an empty store
        let target = try InquestStore.inMemory()
        let summary = try ExchangeFixtures.importer.importBundle(try BundleCodec.decode(data, path: "b.json"), into: target)
        // Then the investigation, notes, links, stars, tags and linked events are the same
        #expect(try ExchangeFixtures.portableView(target, summary.investigationID) == ExchangeFixtures.portableView(source, id))
        #expect(summary.investigation == "created")
        #expect(summary.eventsNew == 10 && summary.eventsExisting == 0)  // 2 linked + 2 × 4 context
        #expect(summary.notesNew == 2 && summary.linksNew == 2 && summary.starsNew == 1 && summary.tagsNew == 2)
        // And the events carry every field, raw bytes included
        let sourceEvents = try source.events(from: Timestamp(nanoseconds: 0), through: Timestamp(nanoseconds: .max), limit: 100)
        let imported = try target.events(from: Timestamp(nanoseconds: 0), through: Timestamp(nanoseconds: .max), limit: 100)
        let byKey = Dictionary(uniqueKeysWithValues: sourceEvents.map { ($0.dedupeKey, $0) })
        for event in imported {
            var expected = try #require(byKey[event.dedupeKey])
            expected.id = event.id
            #expect(event == expected)
        }
        #expect(Set(imported.map(\.timestamp.nanoseconds)) == Set([8, 9, 10, 11, 12, 18, 19, 20, 21, 22].map { ExchangeFixtures.base + $0 * ExchangeFixtures.minute }))
    }

    @Test func importingTwiceChangesNothing() throws {
        let (source, id) = try ExchangeFixtures.sourceStore()
        let bundle = try BundleCodec.decode(try ExchangeFixtures.bundleData(source, id), path: "b.json")
        let target = try InquestStore.inMemory()
        let first = try ExchangeFixtures.importer.importBundle(bundle, into: target)
        let tokenAfterFirst = try target.changeToken()
        let viewAfterFirst = try ExchangeFixtures.portableView(target, first.investigationID)

        let second = try ExchangeFixtures.importer.importBundle(bundle, into: target)

        #expect(second.changedNothing)
        #expect(second.investigationID == first.investigationID)
        #expect(second.eventsExisting == first.eventsNew && second.notesExisting == 2 && second.linksExisting == 2)
        #expect(try target.changeToken() == tokenAfterFirst)
        #expect(try target.investigations().count == 1)
        #expect(try ExchangeFixtures.portableView(target, first.investigationID) == viewAfterFirst)
    }

    @Test func remapsIdentifiersIntoAStoreThatHasOtherInvestigationsAndEvents() throws {
        // Given a target that already holds other events (some of them the bundle's) and investigations
        let (source, id) = try ExchangeFixtures.sourceStore()
        let target = try InquestStore.inMemory()
        try target.append(EventBatch(events: (100..<130).map { ExchangeFixtures.event($0, source: "other.log") }))
        try target.append(EventBatch(events: (19..<22).map { ExchangeFixtures.event($0) }))
        let other = try target.createInvestigation(Investigation(title: "Unrelated", owner: "dave"))
        let otherID = try #require(other.id)
        try target.addNote(investigationID: otherID, body: "keep me", author: "dave")
        let otherBefore = try ExchangeFixtures.portableView(target, otherID)

        let summary = try ExchangeFixtures.importer.importBundle(
            try BundleCodec.decode(try ExchangeFixtures.bundleData(source, id), path: "b.json"), into: target)

        #expect(summary.investigationID != other.id)
        #expect(summary.eventsExisting == 3 && summary.eventsNew == 7)
        #expect(try ExchangeFixtures.portableView(target, summary.investigationID) == ExchangeFixtures.portableView(source, id))
        #expect(try ExchangeFixtures.portableView(target, otherID) == otherBefore)
        // The note about event 20 points at the target's own copy of that event
        let note = try #require(try target.notes(investigationID: summary.investigationID).last)
        let noteEventID = try #require(note.eventID)
        let event = try #require(try target.events(ids: [noteEventID]).first)
        #expect(event.message == "message 20")
    }

    @Test func marksTheImportedInvestigationWithItsOrigin() throws {
        let (source, id) = try ExchangeFixtures.sourceStore()
        let target = try InquestStore.inMemory()
        let summary = try ExchangeFixtures.importer.importBundle(
            try BundleCodec.decode(try ExchangeFixtures.bundleData(source, id), path: "b.json"), into: target)

        let origin = try #require(try target.origin(investigationID: summary.investigationID))
        #expect(origin.originKey == "\(try source.storeID()):investigation:\(id)")
        #expect(origin.sourceHost == "laptop" && origin.sourceUser == "alice" && origin.sourceDatabase == ":memory:")
        #expect(origin.originalID == id && origin.importedBy == "carol" && origin.format == "inquest-bundle")
        #expect(origin.summary.contains("imported from alice@laptop::memory: (#\(id))"))
        #expect(try source.origin(investigationID: id) == nil)
    }

    @Test func aChainOfImportsComesHomeToTheOriginalInvestigation() throws {
        // A → B → A: the bundle written from B still names A's investigation
        let (storeA, id) = try ExchangeFixtures.sourceStore()
        let storeB = try InquestStore.inMemory()
        let inB = try ExchangeFixtures.importer.importBundle(
            try BundleCodec.decode(try ExchangeFixtures.bundleData(storeA, id), path: "a.json"), into: storeB)

        let back = try ExchangeFixtures.importer.importBundle(
            try BundleCodec.decode(try ExchangeFixtures.bundleData(storeB, inB.investigationID), path: "b.json"), into: storeA)

        #expect(back.investigationID == id)
        #expect(back.investigation == "unchanged" && back.eventsNew == 0 && back.notesNew == 0 && back.linksNew == 0)
        #expect(back.starsNew == 0 && back.tagsNew == 0)
        // A learns only B's record of the import (2 notes, 2 links, 1 star, 2 tags, the investigation)
        #expect(back.auditNew == 8)
        #expect(try storeA.investigations().count == 1)
        let again = try ExchangeFixtures.importer.importBundle(
            try BundleCodec.decode(try ExchangeFixtures.bundleData(storeB, inB.investigationID), path: "b.json"), into: storeA)
        #expect(again.changedNothing)
    }

    @Test func carriesTheAuditTrailAndRecordsTheImportItself() throws {
        // Given a source whose trail was written by alice at fixed times
        let (source, id) = try ExchangeFixtures.sourceStore()
        let sourceTrail = try source.auditTrail(investigationID: id)
        #expect(sourceTrail.count == 8)
        // When carol imports it
        let target = try InquestStore.inMemory(
            audit: AuditIdentity(actor: "carol", clock: { Timestamp(nanoseconds: ExchangeFixtures.base + 500) }))
        let summary = try ExchangeFixtures.importer.importBundle(
            try BundleCodec.decode(try ExchangeFixtures.bundleData(source, id), path: "b.json"), into: target)
        // Then the target's trail holds the source's history as recorded, and carol's import
        let trail = try target.auditTrail(investigationID: summary.investigationID)
        #expect(summary.auditNew == sourceTrail.count)
        func history(_ entries: [AuditEntry]) -> [String] {
            entries.map { "\($0.at)|\($0.actor)|\($0.entity)|\($0.action)|\($0.detail ?? "-")|\($0.before ?? "-")|\($0.after ?? "-")" }.sorted()
        }
        let copied = trail.filter { $0.actor != "carol" }
        #expect(history(copied) == history(sourceTrail))
        let imported = trail.filter { $0.actor == "carol" }
        #expect(imported.count == 8)
        #expect(imported.allSatisfy { $0.action == .create && $0.at == Timestamp(nanoseconds: ExchangeFixtures.base + 500) })
        // And the copied note entries point at the target's notes
        let localNotes = Set(try target.notes(investigationID: summary.investigationID).compactMap(\.id))
        #expect(copied.filter { $0.entity == .note }.allSatisfy { $0.noteID.map(localNotes.contains) == true })
    }

    @Test func aNewerCopyUpdatesTheInvestigationAndItsNotes() throws {
        let (source, id) = try ExchangeFixtures.sourceStore()
        let target = try InquestStore.inMemory()
        let first = try ExchangeFixtures.importer.importBundle(
            try BundleCodec.decode(try ExchangeFixtures.bundleData(source, id), path: "b.json"), into: target)
        var changed = try #require(try source.investigation(id: id))
        changed.rootCause = "connection pool exhausted"
        try source.updateInvestigation(changed)
        let noteID = try #require(try source.notes(investigationID: id).first?.id)
        try source.editNote(id: noteID, body: "First note, edited")

        let second = try ExchangeFixtures.importer.importBundle(
            try BundleCodec.decode(try ExchangeFixtures.bundleData(source, id), path: "b.json"), into: target)

        #expect(second.investigation == "updated" && second.notesUpdated == 1 && second.notesNew == 0)
        #expect(try target.investigation(id: first.investigationID)?.rootCause == "connection pool exhausted")
        #expect(try target.notes(investigationID: first.investigationID).first?.body == "First note, edited")
    }

    @Test func capsTheContextAndSaysSo() throws {
        let (source, id) = try ExchangeFixtures.sourceStore()
        let writer = BundleWriter(
            store: source, contextNanoseconds: 30 * ExchangeFixtures.minute, maxContextEvents: 5, provenance: ExchangeFixtures.provenance)

        let bundle = try writer.bundle(investigationID: id)

        #expect(bundle.manifest.contextCapped)
        #expect(bundle.events.count == 2 + 5)
        #expect(throws: ExchangeError.investigationNotFound("#\(id + 1)")) { try writer.bundle(investigationID: id + 1) }
    }
}
