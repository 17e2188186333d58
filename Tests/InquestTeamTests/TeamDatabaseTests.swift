import Foundation
import InquestCore
import InquestTeam
import InquestTestSupport
import Testing

@Suite(needsPostgres) struct TeamDatabaseTests {
    @Test func migrationsAreNamedAndAppliedOnce() async throws {
        let cluster = try PostgresCluster()
        defer { cluster.destroy() }
        let url = try TeamURL(parsing: cluster.url(), environment: [:])

        let first = TeamDatabase(url: url)
        #expect(try await first.migrate() == TeamMigration.all.map(\.name))
        #expect(try await first.migrate().isEmpty)
        let second = TeamDatabase(url: url)
        #expect(try await second.migrate().isEmpty)
        #expect(try await second.appliedMigrations() == TeamMigration.all.map(\.name))
        await first.close()
        await second.close()
    }

    @Test func anInvestigationItsNoteAndItsEvidenceReadBackWithTheRoleAsAuthor() async throws {
        let cluster = try PostgresCluster()
        defer { cluster.destroy() }
        try await TeamFixtures.migrate(cluster)
        try TeamFixtures.createRoles(["alice"], on: cluster)
        let alice = try await TeamFixtures.open(cluster, role: "alice", osUser: "alice-laptop")

        // Given an investigation, a linked event and a note about it
        let create = TeamChange(kind: .createInvestigation(Investigation(title: "checkout 502s", severity: .sev2)))
        let id = try #require(try await alice.apply(create))
        let event = TeamFixtures.record(1)
        try await alice.apply(TeamChange(kind: .link(.id(id), event: event, reason: "first error")))
        try await alice.apply(TeamChange(kind: .addNote(.createdBy(changeID: create.id), event: event, body: "deploy at 03:01")))

        // Then all three read back, the author being the database role
        let investigation = try #require(try await alice.investigation(id: id))
        #expect(investigation.title == "checkout 502s" && investigation.severity == .sev2 && investigation.owner == "alice")
        let notes = try await alice.notes(investigationID: id)
        #expect(notes.map(\.note.body) == ["deploy at 03:01"] && notes.first?.note.author == "alice")
        #expect(notes.first?.eventKey == event.dedupeKey)
        let evidence = try await alice.evidence(investigationID: id)
        #expect(evidence.map(\.record.dedupeKey) == [event.dedupeKey])
        #expect(evidence.first?.record.message == event.message && evidence.first?.record.rawBase64 == event.rawBase64)
        #expect(evidence.first?.linkedBy == "alice" && evidence.first?.reason == "first error")
        let summary = try #require(try await alice.investigations().first)
        #expect(summary.linkedEventCount == 1 && summary.noteCount == 1)

        // And the audit trail, written by the trigger, names the role and the OS user
        let trail = try await alice.auditTrail(investigationID: id)
        #expect(trail.map(\.entity) == [.investigation, .link, .note])
        #expect(trail.allSatisfy { $0.actor == "alice (alice-laptop)" })
        await alice.close()
    }

    @Test func aChangeSentTwiceIsAppliedOnce() async throws {
        let cluster = try PostgresCluster()
        defer { cluster.destroy() }
        let team = try await TeamFixtures.open(cluster)
        let create = TeamChange(kind: .createInvestigation(Investigation(title: "db failover")))
        let id = try await team.apply(create)
        let note = TeamChange(kind: .addNote(.createdBy(changeID: create.id), event: nil, body: "once"))
        let noteID = try await team.apply(note)

        #expect(try await team.apply(create) == id)
        #expect(try await team.apply(note) == noteID)
        #expect(try await team.investigations().count == 1)
        #expect(try await team.notes(investigationID: try #require(id)).count == 1)
        await team.close()
    }

    @Test func twoPeopleEditingOneFieldLeaveBothValuesInTheTrailAndTheLaterShows() async throws {
        let cluster = try PostgresCluster()
        defer { cluster.destroy() }
        let team = try await TeamFixtures.investigators(["alice", "bob"], on: cluster)
        let (alice, bob) = (team[0], team[1])
        let id = try #require(try await alice.apply(TeamChange(kind: .createInvestigation(Investigation(title: "latency")))))
        let seen = try #require(try await bob.investigation(id: id))

        // Alice sets SEV2 and the summary; Bob, from the same version, sets SEV1
        var byAlice = seen
        byAlice.severity = .sev2
        byAlice.summary = "p99 up 4x"
        try await alice.apply(TeamChange(
            kind: .updateInvestigation(.id(id), values: byAlice, fields: InvestigationField.changed(from: seen, to: byAlice))))
        var byBob = seen
        byBob.severity = .sev1
        try await bob.apply(TeamChange(
            kind: .updateInvestigation(.id(id), values: byBob, fields: InvestigationField.changed(from: seen, to: byBob))))

        // The later severity shows, Alice's summary is kept, and the trail has both severities
        let now = try #require(try await alice.investigation(id: id))
        #expect(now.severity == .sev1 && now.summary == "p99 up 4x")
        let updates = try await alice.auditTrail(investigationID: id).filter { $0.action == .update }
        #expect(updates.map(\.actor) == ["alice (tester)", "bob (tester)"])
        #expect(updates.compactMap(\.after).contains { $0.contains("\"SEV2\"") })
        #expect(updates.compactMap(\.after).contains { $0.contains("\"SEV1\"") })
        await alice.close()
        await bob.close()
    }

    @Test func anEditTypedBeforeATeammatesButSentAfterItIsKeptInTheTrailAndTheLaterShows() async throws {
        let cluster = try PostgresCluster()
        defer { cluster.destroy() }
        let team = try await TeamFixtures.investigators(["alice", "bob"], on: cluster)
        let (alice, bob) = (team[0], team[1])
        let created = Timestamp.now()
        let id = try #require(try await alice.apply(TeamChange(
            madeAt: created, kind: .createInvestigation(Investigation(title: "disk full")))))
        let seen = try #require(try await bob.investigation(id: id))

        // Given Alice, offline, set SEV1 at t+1 s and Bob, online, set SEV2 at t+2 s
        var byAlice = seen
        byAlice.severity = .sev1
        byAlice.impact = "writes fail"
        let alicesEdit = TeamChange(
            madeAt: Timestamp(nanoseconds: created.nanoseconds + 1_000_000_000),
            kind: .updateInvestigation(.id(id), values: byAlice, fields: [.severity, .impact]))
        var byBob = seen
        byBob.severity = .sev2
        try await bob.apply(TeamChange(
            madeAt: Timestamp(nanoseconds: created.nanoseconds + 2_000_000_000),
            kind: .updateInvestigation(.id(id), values: byBob, fields: [.severity])))

        // When Alice's outbox sends her edit after Bob's
        try await alice.apply(alicesEdit)

        // Then Bob's later severity shows, Alice's impact (nobody else's) is applied, and the
        // trail holds both severities: Bob's applied, Alice's as superseded
        let now = try #require(try await bob.investigation(id: id))
        #expect(now.severity == .sev2 && now.impact == "writes fail")
        let updates = try await bob.auditTrail(investigationID: id).filter { $0.action == .update }
        #expect(updates.map(\.actor) == ["bob (tester)", "alice (tester)", "alice (tester)"])
        #expect(updates[0].fieldChanges.map(\.field) == ["severity"] && updates[0].fieldChanges.first?.after == "SEV2")
        #expect(updates[1].fieldChanges.map(\.field) == ["impact"])
        let superseded = updates[2]
        #expect(superseded.detail == "severity (superseded: a later edit shows)")
        #expect(superseded.fieldChanges.map { [$0.field, $0.before, $0.after] } == [["severity", "SEV2", "SEV1"]])

        // And an edit typed later still wins as usual
        var again = now
        again.severity = .sev1
        try await alice.apply(TeamChange(
            madeAt: Timestamp(nanoseconds: created.nanoseconds + 3_000_000_000),
            kind: .updateInvestigation(.id(id), values: again, fields: [.severity])))
        #expect(try await bob.investigation(id: id)?.severity == .sev1)
        await alice.close()
        await bob.close()
    }

    @Test func aRefusedWriteIsAServerErrorNotUnreachable() async throws {
        let cluster = try PostgresCluster()
        defer { cluster.destroy() }
        let team = try await TeamFixtures.open(cluster)
        await #expect(throws: TeamError.investigationNotFound(404)) {
            try await team.apply(TeamChange(kind: .addNote(.id(404), event: nil, body: "nowhere")))
        }
        do {
            try await team.apply(TeamChange(kind: .createInvestigation(Investigation(title: "  "))))
            Issue.record("an empty title was accepted")
        } catch let error as TeamError {
            guard case .server = error else { Issue.record("expected a server error, got \(error)"); return }
        }
        await team.close()
    }
}
