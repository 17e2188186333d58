import Foundation
import InquestCore
import InquestExchange
import InquestStore
import InquestTeam
import InquestTestSupport
import Testing

/// Bundles, imports and exports against the team database: a team investigation read as the
/// one bundle model, and a file's investigation sent to the team once however often it is imported.
@Suite(needsPostgres) struct TeamExchangeTests {
    @Test func aTeamInvestigationReadsAsABundleThatImportsIntoALocalStore() async throws {
        let cluster = try PostgresCluster()
        defer { cluster.destroy() }
        let alice = try #require(try await TeamFixtures.investigators(["alice"], on: cluster).first)

        // Given a team investigation with a linked event, a note about another, a star and a tag
        let id = try #require(try await alice.apply(TeamChange(kind: .createInvestigation(Investigation(title: "cache stampede")))))
        let linked = TeamFixtures.record(4)
        let noted = TeamFixtures.record(1)
        try await alice.apply(TeamChange(kind: .link(.id(id), event: linked, reason: "first 503")))
        try await alice.apply(TeamChange(kind: .addNote(.id(id), event: noted, body: "cold start at 03:01")))
        try await alice.apply(TeamChange(kind: .star(linked)))
        try await alice.apply(TeamChange(kind: .addTag(noted, tag: "trigger")))

        // When it is read as a bundle
        let bundle = try await alice.bundle(investigationID: id)

        // Then the bundle carries both events (time order, raw records), the note about its event,
        // the link, star and tag by their bundle ids, and the audit trail by the role
        #expect(bundle.investigation.title == "cache stampede")
        #expect(bundle.events.map(\.dedupeKey) == [noted.dedupeKey, linked.dedupeKey])
        #expect(bundle.events.map(\.eventID) == [1, 2])
        #expect(bundle.events.map(\.rawBase64) == [noted.rawBase64, linked.rawBase64])
        #expect(bundle.notes.map(\.note.eventID) == [1] && bundle.notes.first?.note.author == "alice")
        #expect(bundle.links.map(\.eventID) == [2] && bundle.links.first?.reason == "first 503")
        #expect(bundle.stars.map(\.eventID) == [2] && bundle.tags.map(\.tag) == ["trigger"])
        #expect(bundle.audit.count == 3 && bundle.audit.allSatisfy { $0.actor == "alice (tester)" })
        let identity = try await alice.identity()
        #expect(bundle.manifest.sourceStoreID == identity && identity.hasPrefix("team-"))

        // And the file imports into a local store like any bundle (what `inquest export --team` reads)
        let decoded = try BundleCodec.decode(try BundleCodec.encode(bundle), path: "team.bundle")
        let store = try InquestStore.inMemory()
        _ = try BundleImporter().importBundle(decoded, into: store)
        let imported = try #require(try store.investigations().first)
        #expect(imported.investigation.title == "cache stampede" && imported.linkedEventCount == 1 && imported.noteCount == 1)
        let localID = try #require(imported.investigation.id)
        #expect(try store.notes(investigationID: localID).map(\.body) == ["cold start at 03:01"])
        await alice.close()
    }

    @Test func aLocalBundleImportedIntoTheTeamTwiceIsThereOnce() async throws {
        let cluster = try PostgresCluster()
        defer { cluster.destroy() }
        let team = try await TeamFixtures.open(cluster)

        // Given a bundle of a local investigation with a linked, starred event and a note about it
        // citing another event
        let store = try InquestStore.inMemory()
        let record = TeamFixtures.record(7)
        let cited = TeamFixtures.record(8, source: "resolver.log")
        _ = try store.append(EventBatch(events: [try record.event(), try cited.event()]))
        let key = try #require(DedupeKey(hex: record.dedupeKey))
        let eventID = try #require(try store.eventID(dedupeKey: key))
        let citedKey = try #require(DedupeKey(hex: cited.dedupeKey))
        let citedID = try #require(try store.eventID(dedupeKey: citedKey))
        let local = try store.createInvestigation(Investigation(title: "dns flap", severity: .sev2))
        let localID = try #require(local.id)
        _ = try store.link(eventID: eventID, toInvestigation: localID, reason: "NXDOMAIN burst")
        _ = try store.addNote(investigationID: localID, eventID: eventID, body: "resolver restarted at [[event:\(citedID)]]", author: "carol")
        try store.star(eventID: eventID)
        let bundle = try BundleWriter(store: store).bundle(investigationID: localID)

        // When it is imported into the team twice
        let identity = try await team.identity()
        let changes = TeamBundleImport(bundle: bundle, teamIdentity: identity).changes()
        for change in changes { try await team.apply(change) }
        for change in TeamBundleImport(bundle: bundle, teamIdentity: identity).changes() { try await team.apply(change) }

        // Then the team has it once: one investigation, its note, its evidence and the star
        let summaries = try await team.investigations()
        #expect(summaries.map(\.investigation.title) == ["dns flap"])
        let id = try #require(summaries.first?.investigation.id)
        #expect(summaries.first?.investigation.severity == .sev2)
        #expect(try await team.notes(investigationID: id).map(\.note.body) == ["resolver restarted at [[event-key:\(cited.dedupeKey)]]"])
        #expect(try await team.evidenceRecords(keys: [cited.dedupeKey]).map(\.rawBase64) == [cited.rawBase64])
        #expect(try await team.evidence(investigationID: id).map(\.reason) == ["NXDOMAIN burst"])
        #expect(try await team.isStarred(eventKey: record.dedupeKey))

        // And a bundle written from the team and imported back adds no second investigation
        let fromTeam = try await team.bundle(investigationID: id)
        let citedInBundle = try #require(fromTeam.events.first { $0.dedupeKey == cited.dedupeKey }?.eventID)
        #expect(fromTeam.notes.map(\.note.body) == ["resolver restarted at [[event:\(citedInBundle)]]"])
        let back = TeamBundleImport(bundle: fromTeam, teamIdentity: identity)
        #expect(back.isFromThisTeam)
        for change in back.changes() { try await team.apply(change) }
        #expect(try await team.investigations().count == 1)
        #expect(try await team.notes(investigationID: id).count == 1)
        await team.close()
    }
}
