import Foundation
import InquestTestSupport
import Testing

extension EndToEnd {
    /// Two investigators, each with a canvas on a store of their own, sharing one team database
    /// (a real PostgreSQL cluster): what one does shows in the other's canvas, pushed by the
    /// database; what one writes while it is down arrives once when it is back.
    @Suite(.serialized, needsTmux, needsPostgres) struct TeamCanvasEndToEndTests {
        let directory: URL

        init() throws {
            directory = try BinaryRunner.temporaryDirectory()
        }

        /// How long the other canvas may take to show a change (the goal).
        static let liveDeadline = 1.0

        /// Appends both screens to `steps.txt` in the test's directory, so a failure says which
        /// step's screen was the last good one.
        func trace(_ step: String, _ sessions: [(String, TmuxSession)]) {
            var text = "=== \(step)\n"
            for (name, session) in sessions { text += "--- \(name)\n\(session.screen)\n" }
            let path = directory.appendingPathComponent("steps.txt").path
            if let handle = FileHandle(forWritingAtPath: path) {
                handle.seekToEndOfFile()
                handle.write(Data(text.utf8))
                try? handle.close()
            } else {
                FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
            }
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
            let both = [("alice", alice), ("bob", bob)]
            defer { trace("end", both) }
            let steps = directory.appendingPathComponent("steps.txt").path
            #expect(try alice.waitFor("4,665 events", seconds: 60).matched, "\(alice.screen)")
            #expect(try bob.waitFor("4,665 events", seconds: 60).matched, "\(bob.screen)")
            #expect(try alice.waitFor("team ·").matched, "the status line shows the team link: \(alice.screen)")
            #expect(try bob.waitFor("team ·").matched, "the status line shows the team link: \(bob.screen)")
            trace("opened", both)

            // When Alice creates an investigation, links the selected event and writes a note
            try alice.send("c")
            #expect(try alice.waitFor("New investigation").matched, "\(alice.screen)")
            try alice.type("Checkout pool exhaustion")
            try alice.send("Enter")
            #expect(try alice.waitFor("○ Checkout pool ex").matched, "\(alice.screen)")
            trace("created", both)
            // Then Bob's canvas lists it within a second (pushed by the database; no key pressed there)
            #expect(try bob.waitFor("○ Checkout pool ex", seconds: Self.liveDeadline).matched, "Bob sees the investigation (\(steps)): \(bob.screen)")

            try alice.send("l")
            #expect(try alice.waitFor(" 1e ").matched, "\(alice.screen)")
            trace("linked", both)
            #expect(try bob.waitFor(" 1e ", seconds: Self.liveDeadline).matched, "Bob sees the linked event (\(steps)): \(bob.screen)")

            // A star on the same event shows as the ★ in Bob's timeline (his store's flags copy the team's)
            let bobsStars = bob.screen.components(separatedBy: "★").count
            let alicesStars = alice.screen.components(separatedBy: "★").count
            try alice.send("s")
            #expect(try alice.waitFor { $0.components(separatedBy: "★").count > alicesStars }.matched, "\(alice.screen)")
            trace("starred", both)
            let starred = try bob.waitFor(seconds: Self.liveDeadline) { $0.components(separatedBy: "★").count > bobsStars }
            #expect(starred.matched, "Bob's timeline shows Alice's star (\(steps)): \(starred.screen)")

            try alice.send("a")
            try alice.type("Pool max is 5 since v2.14.0")
            try alice.send("C-s")
            #expect(try alice.waitFor("1e 1n").matched, "\(alice.screen)")
            trace("noted", both)
            #expect(try bob.waitFor("1e 1n", seconds: Self.liveDeadline).matched, "Bob sees the note counted (\(steps)): \(bob.screen)")
            try bob.send("1", "j")
            #expect(try bob.waitFor("Pool max is 5 since v2.14.0").matched, "Bob reads the note (\(steps)): \(bob.screen)")
            trace("bob reads", both)

            // When the database stops and Alice writes another note
            try cluster.stop()
            #expect(try alice.waitFor("team offline").matched, "Alice's canvas notices (\(steps)): \(alice.screen)")
            try alice.send("a")
            try alice.type("Written while the team database was down")
            try alice.send("C-s")
            #expect(try alice.waitFor("team offline, 1 pending").matched, "the note waits (\(steps)): \(alice.screen)")
            trace("offline note", both)

            // Then, once it is back, the note arrives at Bob's canvas, once, and in the team database once
            try cluster.start()
            let arrived = try bob.waitFor(seconds: 20) { $0.contains("Written while the team database") }
            trace("back", both)
            #expect(arrived.matched, "Bob sees the note written offline (\(steps)): \(arrived.screen)")
            #expect(arrived.screen.components(separatedBy: "Written while the team database").count == 2, "once: \(arrived.screen)")
            #expect(try alice.waitFor("team ·", seconds: 20).matched, "Alice's outbox is empty again (\(steps)): \(alice.screen)")
            let count = try cluster.psql("SELECT count(*) FROM note WHERE body = 'Written while the team database was down'")
            #expect(count.trimmingCharacters(in: .whitespacesAndNewlines) == "1")
            try alice.send("q")
            try bob.send("q")
        }
    }
}
