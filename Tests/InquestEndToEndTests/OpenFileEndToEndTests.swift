import Foundation
import Testing

extension EndToEnd {
    /// `inquest FILE` and `inquest -`: the canvas opens at once while the files are ingested
    /// beside it, driven like a user in tmux.
    @Suite(.serialized, needsTmux) struct OpenFileEndToEndTests {
        let directory: URL
        let database: String

        /// Lines of the generated log: enough that a debug build ingests it for several seconds.
        static let lineCount = 200_000
        /// ``lineCount`` as the canvas writes it.
        static let lineCountText = "200,000"

        init() throws {
            directory = try BinaryRunner.temporaryDirectory()
            database = directory.appendingPathComponent("open.db").path
        }

        var statusFile: String { directory.appendingPathComponent("exit-status").path }

        /// JSON lines in time order, one service per line in turn, the last one saying so.
        func writeLog(_ name: String, lines: Int = Self.lineCount) throws -> String {
            let url = directory.appendingPathComponent(name)
            var text = ""
            text.reserveCapacity(lines * 120)
            let start = 1_795_000_000  // 2026-11-19
            for index in 0..<lines {
                let seconds = start + index / 10
                let millis = (index % 10) * 100
                let time = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
                    .replacingOccurrences(of: "Z", with: String(format: ".%03dZ", millis))
                let message = index == lines - 1 ? "the very last line" : "request \(index) served in \(index % 997) ms"
                text += #"{"ts":"\#(time)","level":"\#(index % 50 == 0 ? "error" : "info")","service":"svc-\#(index % 7)","msg":"\#(message)"}"# + "\n"
            }
            try Data(text.utf8).write(to: url)
            return url.path
        }

        /// Runs `shellCommand` in a tmux pane through `sh -c`, writing its exit status to ``statusFile``.
        func openInTmux(_ shellCommand: String) throws -> TmuxSession {
            try? FileManager.default.removeItem(atPath: statusFile)
            return try TmuxSession(
                command: ["/bin/sh", "-c", "\(shellCommand); echo $? > \(TmuxSession.shellQuote(statusFile))"],
                width: 140, height: 40,
                environment: ["XDG_CONFIG_HOME": directory.path, "HOME": directory.path, "USER": "e2e"]
            )
        }

        func inquestCommand(_ arguments: [String]) throws -> String {
            guard let binary = BinaryRunner.binary else { throw BinaryRunner.MissingBinary() }
            return ([binary.path] + arguments).map(TmuxSession.shellQuote).joined(separator: " ")
        }

        func exitStatus(seconds: Double = 10) -> Int32? {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if let text = try? String(contentsOfFile: statusFile, encoding: .utf8),
                   let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                    return status
                }
                usleep(50_000)
            }
            return nil
        }

        /// Events in the store, counted by the CLI.
        func storedCount() throws -> Int? {
            let result = try BinaryRunner.run(["query", "--count", "--db", database, ""])
            return Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        }

        /// The status line while the ingest reads: `ingest NAME 42% · … events`.
        static func showsProgress(_ screen: String, of name: String) -> Bool {
            screen.split(separator: "\n").contains { line in
                line.contains("ingest \(name) ") && line.contains("% · ") && line.contains(" events")
            }
        }

        @Test func opensAtOnceShowsEventsAndProgressBeforeTheIngestEndsThenFinishes() throws {
            // Given a log big enough that its ingest takes a while
            let log = try writeLog("big.jsonl")

            // When I open it like lnav opens a file
            let canvas = try openInTmux(try inquestCommand([log, "--db", database]))

            // Then events and the ingest's progress are on screen while it still reads
            let during = try canvas.waitFor(seconds: 30) { screen in
                Self.showsProgress(screen, of: "big.jsonl") && screen.contains("request ") && !screen.contains("ingest done")
            }
            #expect(during.matched, "events and progress before the ingest ends: \(during.screen)")
            #expect(during.screen.contains("big.jsonl only"), "the timeline is scoped to the file: \(during.screen)")

            // and then the ingest finishes with every line stored
            let done = try canvas.waitFor("ingest done · \(Self.lineCountText) events", seconds: 300)
            #expect(done.matched, "the ingest finishes: \(done.screen)")
            #expect(try canvas.waitFor("\(Self.lineCountText) events ·", seconds: 10).matched, "the count fills in: \(canvas.screen)")

            // and the scope can be cleared like any other
            try canvas.send("O")
            #expect(try canvas.waitFor("Showing every source").matched, "O clears the scope: \(canvas.screen)")
            #expect(!(try canvas.capture()).contains("big.jsonl only"))
            try canvas.send("q")
            #expect(exitStatus() == 0)
        }

        @Test func quittingDuringTheIngestKeepsWhatWasCommittedAndTheNextOpenGoesOn() throws {
            // Given a big log opened in the canvas, quit while it is being read
            let log = try writeLog("resume.jsonl")
            let first = try openInTmux(try inquestCommand([log, "--db", database]))
            let reading = try first.waitFor(seconds: 30) { Self.showsProgress($0, of: "resume.jsonl") && $0.contains("request ") }
            #expect(reading.matched, "the ingest runs: \(reading.screen)")
            try first.send("q")
            #expect(exitStatus() == 0, "quits cleanly during the ingest: \(first.screen)")

            // Then what was committed is in the store, and not everything
            let kept = try #require(try storedCount())
            #expect(kept > 0 && kept < Self.lineCount, "part of the file was stored: \(kept)")

            // When I open it again, the ingest goes on and ends with every line stored once
            let second = try openInTmux(try inquestCommand([log, "--db", database]))
            let done = try second.waitFor("ingest done", seconds: 300)
            #expect(done.matched, "the second ingest finishes: \(done.screen)")
            try second.send("q")
            #expect(exitStatus() == 0)
            #expect(try storedCount() == Self.lineCount, "every line stored exactly once")

            // and a third open reads nothing new
            let third = try openInTmux(try inquestCommand([log, "--db", database]))
            #expect(try third.waitFor("ingest done · 0 events", seconds: 30).matched, "nothing new to store: \(third.screen)")
            try third.send("q")
            #expect(exitStatus() == 0)
        }

        @Test func readsAPipeWhileKeysComeFromTheTerminal() throws {
            // Given a log piped into inquest -
            let log = try writeLog("piped.jsonl", lines: 20_000)
            let canvas = try openInTmux("cat \(TmuxSession.shellQuote(log)) | " + (try inquestCommand(["-", "--db", database])))

            // Then its events are stored and shown, scoped to stdin
            let done = try canvas.waitFor("ingest done · 20,000 events", seconds: 120)
            #expect(done.matched, "the pipe is ingested: \(done.screen)")
            #expect(try canvas.waitFor("the very last line", seconds: 10).matched, "the newest event shows: \(canvas.screen)")
            #expect(canvas.screen.contains("stdin only"))

            // and keys still work: they are read from the terminal, not the pipe
            try canvas.send("?")
            #expect(try canvas.waitFor("Help — ESC closes").matched, "the help overlay opens: \(canvas.screen)")
            try canvas.send("Escape")
            // (q sent at once after ESC would arrive as Alt-q)
            #expect(try canvas.waitFor { !$0.contains("Help — ESC closes") }.matched, "ESC closes the help: \(canvas.screen)")
            try canvas.send("q")
            #expect(exitStatus() == 0)
        }
    }
}

extension EndToEnd {
    /// `inquest FILE` refuses what is neither a file nor a subcommand before any canvas opens.
    @Suite struct OpenFileArgumentTests {
        @Test func aMissingFileIsAnErrorNamingIt() throws {
            let workspace = try CLIWorkspace()
            let missing = workspace.directory.appendingPathComponent("nosuch.log").path
            let result = try BinaryRunner.run([missing, "--db", workspace.database])
            #expect(result.status != 0)
            #expect(result.stderr.contains("\(missing): no such file"), "names the file: \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: workspace.database), "nothing is opened before the check")
        }

        @Test func subcommandNamesStillRunTheirSubcommand() throws {
            let workspace = try CLIWorkspace()
            let result = try BinaryRunner.run(["stats", "--db", workspace.database])
            #expect(result.status == 0, "\(result.stderr)")
        }

        @Test func helpShowsHowToOpenFiles() throws {
            let result = try BinaryRunner.run(["--help"])
            #expect(result.stdout.contains("inquest [<file> ...]"), "\(result.stdout)")
            #expect(result.stdout.contains("cat app.log | inquest -"))
        }
    }
}
