import Foundation
import InquestCore
import InquestStore
import InquestTeam
import InquestTestSupport
import Testing

@Suite(needsPostgres) struct TeamLiveTests {
    /// Collects a listener's events until `done` says it has what it waited for, or the deadline.
    actor Inbox {
        var events: [TeamListenerEvent] = []
        func add(_ event: TeamListenerEvent) { events.append(event) }
        var notices: [TeamChangeNotice] {
            events.compactMap { if case .changed(let notice) = $0 { notice } else { nil } }
        }
    }

    static func listen(_ url: TeamURL, into inbox: Inbox) -> Task<Void, Never> {
        Task {
            for await event in TeamListener.events(url: url) {
                await inbox.add(event)
            }
        }
    }

    static func waitFor(_ inbox: Inbox, seconds: Double = 10, _ done: @Sendable (Inbox) async -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while ContinuousClock.now < deadline {
            if await done(inbox) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return await done(inbox)
    }

    @Test func twoClientsSeeEachOthersChangesPushedByTheDatabase() async throws {
        let cluster = try PostgresCluster()
        defer { cluster.destroy() }
        let team = try await TeamFixtures.investigators(["alice", "bob"], on: cluster)
        let (alice, bob) = (team[0], team[1])
        let bobsInbox = Inbox()
        let bobListens = Self.listen(bob.url, into: bobsInbox)
        defer { bobListens.cancel() }
        #expect(await Self.waitFor(bobsInbox) { await $0.events.contains(.connected) })

        // When Alice creates an investigation, links an event and writes a note
        let create = TeamChange(kind: .createInvestigation(Investigation(title: "payments down")))
        let id = try #require(try await alice.apply(create))
        let event = TeamFixtures.record(2)
        try await alice.apply(TeamChange(kind: .link(.id(id), event: event, reason: nil)))
        try await alice.apply(TeamChange(kind: .addNote(.id(id), event: nil, body: "rolled back 14:02")))

        // Then Bob is told of all three, by Alice, and reads them
        #expect(await Self.waitFor(bobsInbox) { await $0.notices.count >= 3 })
        let notices = await bobsInbox.notices
        #expect(notices.map(\.entity) == [.investigation, .link, .note])
        #expect(notices.allSatisfy { $0.investigationID == id && $0.actor == "alice" && $0.action == .create })
        #expect(notices[1].eventKey == event.dedupeKey)
        #expect(try await bob.investigations().map(\.investigation.title) == ["payments down"])
        #expect(try await bob.evidence(investigationID: id).map(\.record.dedupeKey) == [event.dedupeKey])
        #expect(try await bob.notes(investigationID: id).map(\.note.body) == ["rolled back 14:02"])

        // And Alice hears Bob's status change the same way
        let alicesInbox = Inbox()
        let aliceListens = Self.listen(alice.url, into: alicesInbox)
        defer { aliceListens.cancel() }
        #expect(await Self.waitFor(alicesInbox) { await $0.events.contains(.connected) })
        let seen = try #require(try await bob.investigation(id: id))
        var resolved = seen
        resolved.status = .resolved
        try await bob.apply(TeamChange(kind: .updateInvestigation(.id(id), values: resolved, fields: [.status])))
        #expect(await Self.waitFor(alicesInbox) { await $0.notices.contains { $0.actor == "bob" && $0.action == .update } })
        let now = try #require(try await alice.investigation(id: id))
        #expect(now.status == .resolved && now.resolvedAt != nil)
        await alice.close()
        await bob.close()
    }

    @Test func aListenerReconnectsAfterTheDatabaseRestarts() async throws {
        let cluster = try PostgresCluster()
        defer { cluster.destroy() }
        let team = try await TeamFixtures.open(cluster)
        let inbox = Inbox()
        let listening = Self.listen(team.url, into: inbox)
        defer { listening.cancel() }
        #expect(await Self.waitFor(inbox) { await $0.events.contains(.connected) })

        try cluster.stop()
        #expect(await Self.waitFor(inbox) { await $0.events.contains { if case .disconnected = $0 { true } else { false } } })
        try cluster.start()
        #expect(await Self.waitFor(inbox, seconds: 20) { await $0.events.filter { $0 == .connected }.count == 2 })

        try await team.apply(TeamChange(kind: .createInvestigation(Investigation(title: "after the restart"))))
        #expect(await Self.waitFor(inbox) { await $0.notices.count == 1 })
        await team.close()
    }

    @Test func theOutboxKeepsANoteWrittenWhileTheDatabaseIsDownAndDeliversItOnce() async throws {
        let cluster = try PostgresCluster()
        defer { cluster.destroy() }
        let team = try await TeamFixtures.open(cluster)
        let store = try InquestStore.inMemory()
        let sync = TeamSync(database: team, store: store)
        let create = TeamChange(kind: .createInvestigation(Investigation(title: "queue backlog")))
        guard case .applied(let created) = try await sync.submit(create), let id = created else {
            Issue.record("the investigation was not created")
            return
        }

        // When the database stops and a note is written
        try cluster.stop()
        let note = TeamChange(kind: .addNote(.id(id), event: TeamFixtures.record(3), body: "typed while offline"))
        let outcome = try await sync.submit(note)
        guard case .pending(let pending, _) = outcome else {
            Issue.record("expected the note to wait, got \(outcome)")
            return
        }
        #expect(pending == 1)
        #expect(try sync.pendingCount() == 1)

        // Then once it is back, one flush delivers it, and more flushes deliver nothing more
        try cluster.start()
        let result = await sync.flush()
        #expect(result.sent == 1 && result.pending == 0 && result.stoppedBecause == nil)
        #expect(await sync.flush().sent == 0)
        #expect(try await team.apply(note) != nil)  // sent again by hand: recorded, not applied again
        let notes = try await team.notes(investigationID: id)
        #expect(notes.map(\.note.body) == ["typed while offline"])
        #expect(notes.first?.note.createdAt == note.madeAt)
        #expect(try sync.pendingCount() == 0)
        await team.close()
    }

    @Test func aChangeToADatabaseNobodyMigratedWaitsAndIsSentOnceItIs() async throws {
        // Given a database without the team schema
        let cluster = try PostgresCluster()
        defer { cluster.destroy() }
        let team = TeamDatabase(url: try TeamURL(parsing: cluster.url(), environment: [:]), osUser: "tester")
        let sync = TeamSync(database: team, store: try InquestStore.inMemory())

        // When an investigation is created
        let outcome = try await sync.submit(TeamChange(kind: .createInvestigation(Investigation(title: "schema missing"))))

        // Then it waits in the outbox, saying what to run, rather than being refused
        guard case .pending(let pending, let reason) = outcome else {
            Issue.record("expected the change to wait, got \(outcome)")
            return
        }
        #expect(pending == 1 && reason.contains("inquest team migrate"))

        // And once the database is migrated the next flush sends it
        try await team.migrate()
        #expect(await sync.flush().sent == 1)
        #expect(try await team.investigations().map(\.investigation.title) == ["schema missing"])
        await team.close()
    }

    @Test func changesWaitingInTheOutboxAreSentInTheOrderTheyWereMade() async throws {
        let cluster = try PostgresCluster()
        defer { cluster.destroy() }
        let team = try await TeamFixtures.open(cluster)
        let store = try InquestStore.inMemory()
        let sync = TeamSync(database: team, store: store)
        try cluster.stop()

        // An investigation created offline, and notes that refer to it before it has an id
        let create = TeamChange(kind: .createInvestigation(Investigation(title: "made offline")))
        _ = try await sync.submit(create)
        for n in 1...5 {
            _ = try await sync.submit(TeamChange(kind: .addNote(.createdBy(changeID: create.id), event: nil, body: "note \(n)")))
        }
        #expect(try sync.pendingCount() == 6)

        try cluster.start()
        #expect(await sync.flush().sent == 6)
        let id = try #require(try await team.investigations().first?.investigation.id)
        #expect(try await team.notes(investigationID: id).map(\.note.body) == (1...5).map { "note \($0)" })
        await team.close()
    }
}
