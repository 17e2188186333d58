import Foundation
import InquestTestSupport
import Testing

extension EndToEnd {
    /// Two investigators, each with a canvas on a store of their own, sharing one team database
    /// (a real PostgreSQL cluster): what one does shows in the other's canvas, pushed by the
    /// database; what one writes while it is down arrives once when it is back.
    @Suite(.serialized, needsTmux, needsPostgres, .disabled("fails after ~33 s at a step not yet identified (issue #18, work in progress); run it by removing this trait")) struct TeamCanvasEndToEndTests {
        let directory: URL

        init() throws {
            directory = try BinaryRunner.temporaryDirectory()
        }

        func openCanvas(_ arguments: [String], user: String) throws -> TmuxSession {
            guard let binary = BinaryRunner.binary else { throw BinaryRunner.MissingBinary() }
            let home = directory.appendingPathComponent(user)
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
            let env = ["XDG_CONFIG_HOME": home.path, "HOME": home.path, "USER": user]
            let command = ([binary.path] + arguments).map(TmuxSession.shellQuote).joined(separator: " ")
            return try TmuxSession(command: ["/bin/sh", "-c", command], width: 140, height: 40, environment: env)
        }

        @Test func whatOneCanvasDoesShowsInTheOtherAndAnOfflineNoteArrivesOnce() throws {
            let cluster = try PostgresCluster()
            defer { cluster.destroy() }
            let team = cluster.url()

            // Given two canvases on their own stores of the same logs and one team database
            let alice = try openCanvas(["demo", "--db", directory.appendingPathComponent("alice.db").path, "--team", team], user: "alice")
            let bob = try openCanvas(["demo", "--db", directory.appendingPathComponent("bob.db").path, "--team", team], user: "bob")
            #expect(try alice.waitFor("4,665 events", seconds: 60).matched, "\(alice.screen)")
            #expect(try bob.waitFor("4,665 events", seconds: 60).matched, "\(bob.screen)")
            #expect(try alice.waitFor("team ·").matched, "the status line shows the team link: \(alice.screen)")

            // When Alice creates an investigation, links the selected event and writes a note
            try alice.send("c")
            #expect(try alice.waitFor("New investigation").matched)
            try alice.type("Checkout pool exhaustion")
            try alice.send("Enter")
            #expect(try alice.waitFor("○ Checkout pool ex").matched, "\(alice.screen)")
            // Then Bob's canvas lists it (pushed by the database; no key pressed there)
            #expect(try bob.waitFor("○ Checkout pool ex").matched, "Bob sees the investigation: \(bob.screen)")

            try alice.send("l")
            #expect(try alice.waitFor(" 1e ").matched, "\(alice.screen)")
            #expect(try bob.waitFor(" 1e ").matched, "Bob sees the linked event: \(bob.screen)")

            try alice.send("a")
            try alice.type("Pool max is 5 since v2.14.0")
            try alice.send("C-s")
            #expect(try bob.waitFor("1e 1n").matched, "Bob sees the note counted: \(bob.screen)")
            try bob.send("1", "j")
            #expect(try bob.waitFor("Pool max is 5 since v2.14.0").matched, "Bob reads the note: \(bob.screen)")

            // When the database stops and Alice writes another note
            try cluster.stop()
            #expect(try alice.waitFor("team offline").matched, "Alice's canvas notices: \(alice.screen)")
            try alice.send("a")
            try alice.type("Written while the team database was down")
            try alice.send("C-s")
            #expect(try alice.waitFor("team offline, 1 pending").matched, "the note waits: \(alice.screen)")

            // Then, once it is back, the note arrives at Bob's canvas, once
            try cluster.start()
            #expect(try bob.waitFor("Written while the team database", seconds: 20).matched, "\(bob.screen)")
            #expect(try alice.waitFor("team ·", seconds: 20).matched, "Alice's outbox is empty again: \(alice.screen)")
            let count = try cluster.psql("SELECT count(*) FROM note WHERE body = 'Written while the team database was down'")
            #expect(count.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
            try alice.send("q")
            try bob.send("q")
        }
    }
}
