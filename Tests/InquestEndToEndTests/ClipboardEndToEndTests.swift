import Foundation
import Testing

extension EndToEnd {
    /// Issue 17 item 8: `y` copies the selected event's message through OSC 52 (here into tmux's
    /// buffer, with `set-clipboard on`), `:yank link` a command line that opens the canvas on it,
    /// and `--event ID` opens there.
    @Suite(.serialized, needsTmux) struct ClipboardEndToEndTests {
        let directory: URL
        let database: String

        init() throws {
            directory = try BinaryRunner.temporaryDirectory()
            database = directory.appendingPathComponent("clip.db").path
        }

        func open(_ arguments: [String]) throws -> TmuxSession {
            guard let binary = BinaryRunner.binary else { throw BinaryRunner.MissingBinary() }
            let session = try TmuxSession(
                command: [binary.path] + arguments, width: 120, height: 30,
                environment: ["XDG_CONFIG_HOME": directory.path, "HOME": directory.path, "USER": "e2e"])
            try session.setServerOption("set-clipboard", "on")
            return session
        }

        func ingest() throws {
            let file = directory.appendingPathComponent("app.log")
            try Data("""
                2026-11-20T10:00:00.000Z INFO service started
                2026-11-20T10:00:01.000Z ERROR payment 4711 failed: gateway timeout

                """.utf8).write(to: file)
            #expect(try BinaryRunner.run(["ingest", "--db", database, file.path]).status == 0)
        }

        func waitForBuffer(_ predicate: (String) -> Bool, session: TmuxSession) -> String? {
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline {
                if let buffer = session.newestBuffer(), predicate(buffer) { return buffer }
                usleep(50_000)
            }
            return session.newestBuffer()
        }

        @Test func yCopiesTheMessageAndYankLinkACommandThatOpensOnTheEvent() throws {
            try ingest()
            let canvas = try open(["--db", database])
            #expect(try canvas.waitFor("2 events ·").matched, "\(canvas.screen)")
            try canvas.send("y")
            #expect(try canvas.waitFor("Copied the message of event #").matched, "\(canvas.screen)")
            let message = waitForBuffer({ $0.contains("payment 4711 failed") }, session: canvas)
            #expect(message == "payment 4711 failed: gateway timeout", "the message is in tmux's buffer: \(message ?? "none")")

            try canvas.send(":")
            try canvas.type("yank link")
            try canvas.send("Enter")
            let link = try #require(waitForBuffer({ $0.contains("--event") }, session: canvas), "\(canvas.screen)")
            #expect(link.hasPrefix("inquest --db '\(database)' --event "), "\(link)")
            try canvas.send("q")

            // The link opens the canvas on that event, in its context
            let eventID = try #require(link.split(separator: " ").last.map(String.init))
            let reopened = try open(["--db", database, "--event", eventID])
            let screen = try reopened.waitFor("Event #\(eventID)")
            #expect(screen.matched, "\(screen.screen)")
            #expect(screen.screen.contains("context ±5m of #\(eventID)"), "\(screen.screen)")
            try reopened.send("q")
        }

        @Test func shiftYCopiesTheRawRecordAndYankJsonTheWholeEvent() throws {
            try ingest()
            let canvas = try open(["--db", database])
            #expect(try canvas.waitFor("2 events ·").matched, "\(canvas.screen)")
            // The newest event is selected; its details must have loaded before Y.
            #expect(try canvas.waitFor("gateway timeout").matched)
            try canvas.send("Y")
            let raw = waitForBuffer({ $0.hasPrefix("2026-11-20T10:00:01") }, session: canvas)
            #expect(raw == "2026-11-20T10:00:01.000Z ERROR payment 4711 failed: gateway timeout", "\(raw ?? "none")")

            try canvas.send(":")
            try canvas.type("yank json")
            try canvas.send("Enter")
            let json = try #require(waitForBuffer({ $0.hasPrefix("{") }, session: canvas), "\(canvas.screen)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            #expect(object["message"] as? String == "payment 4711 failed: gateway timeout")
            #expect(object["severity"] as? String == "error")
            #expect(object["template"] as? String != nil, "the event as `inquest query --format jsonl` writes it: \(json)")
            #expect(try canvas.waitFor("as JSON").matched, "\(canvas.screen)")
            try canvas.send("q")
        }

        @Test func clipboardOffInTheConfigFileCopiesNothingAndSaysWhere() throws {
            try ingest()
            let config = directory.appendingPathComponent("inquest")
            try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
            try Data("clipboard = off\n".utf8).write(to: config.appendingPathComponent("config"))
            let canvas = try open(["--db", database])
            #expect(try canvas.waitFor("2 events ·").matched, "\(canvas.screen)")
            try canvas.send("y")
            #expect(try canvas.waitFor("The clipboard is off (clipboard = off in").matched, "\(canvas.screen)")
            #expect((canvas.newestBuffer() ?? "").isEmpty, "nothing reached tmux's buffers")
            try canvas.send("q")
        }

        @Test func noClipboardCopiesNothingAndSaysSo() throws {
            try ingest()
            let canvas = try open(["--db", database, "--no-clipboard"])
            #expect(try canvas.waitFor("2 events ·").matched, "\(canvas.screen)")
            try canvas.send("y")
            #expect(try canvas.waitFor("The clipboard is off (--no-clipboard)").matched, "\(canvas.screen)")
            #expect((canvas.newestBuffer() ?? "").isEmpty, "nothing reached tmux's buffers")
            try canvas.send("q")
        }
    }
}
