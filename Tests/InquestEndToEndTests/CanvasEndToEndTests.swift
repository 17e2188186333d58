import Foundation
import Testing

extension EndToEnd {
    /// The canvas driven like a user in tmux: real binary, real terminal, real store.
    @Suite(.serialized, needsTmux) struct CanvasEndToEndTests {
        let directory: URL
        let database: String

        init() throws {
            directory = try BinaryRunner.temporaryDirectory()
            database = directory.appendingPathComponent("demo.db").path
        }

        /// The canvas's exit status is written by a wrapping shell: tmux's own `pane_dead_status`
        /// is sometimes left empty when its server reaps the child late.
        var statusFile: String { directory.appendingPathComponent("exit-status").path }

        func openCanvas(_ arguments: [String], width: Int = 140, height: Int = 40, environment: [String: String] = [:]) throws -> TmuxSession {
            guard let binary = BinaryRunner.binary else { throw BinaryRunner.MissingBinary() }
            var env = ["XDG_CONFIG_HOME": directory.path, "HOME": directory.path, "USER": "e2e"]
            env.merge(environment) { $1 }
            try? FileManager.default.removeItem(atPath: statusFile)
            let command = ([binary.path] + arguments).map(TmuxSession.shellQuote).joined(separator: " ")
            return try TmuxSession(
                command: ["/bin/sh", "-c", "\(command); echo $? > \(TmuxSession.shellQuote(statusFile))"],
                width: width, height: height, environment: env
            )
        }

        /// Waits up to 5 s for the canvas to exit and returns its status.
        func exitStatus() -> Int32? {
            let deadline = Date().addingTimeInterval(5)
            while Date() < deadline {
                if let text = try? String(contentsOfFile: statusFile, encoding: .utf8),
                   let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                    return status
                }
                usleep(50_000)
            }
            return nil
        }

        @Test func investigateTheDemoAndFindEverythingAfterReopening() throws {
            // Given the demo store, opened in the canvas
            let canvas = try openCanvas(["demo", "--db", database])
            #expect(try canvas.waitFor("4,665 events", seconds: 30).matched, "the demo loads: \(canvas.screen)")
            #expect(try canvas.capture().contains("┌ Investigations"))

            // When I filter to the errors of one service
            try canvas.send("/")
            try canvas.type("service:checkout severity>=error")
            try canvas.send("Enter")
            // (316 log, trace and CI errors; the p99 latency anomaly of checkout's series is
            // checkout's too, but a warning: 270 ms against a 115 ms baseline)
            let filtered = try canvas.waitFor("316 events")
            #expect(filtered.matched, "the filter narrows the timeline: \(filtered.screen)")
            #expect(!filtered.screen.contains(" INFO "), "only errors remain: \(filtered.screen)")

            // and star the selected event
            try canvas.send("s")
            #expect(try canvas.waitFor("★ yes").matched, "the details pane shows the star")

            // and create an investigation
            try canvas.send("c")
            #expect(try canvas.waitFor("New investigation").matched)
            try canvas.type("Checkout pool exhaustion")
            try canvas.send("Enter")
            #expect(try canvas.waitFor("○ Checkout pool ex").matched, "the investigation is listed: \(canvas.screen)")

            // and link the event, then write a note about it
            try canvas.send("l")
            #expect(try canvas.waitFor(" 1e ").matched, "the investigation counts one linked event: \(canvas.screen)")
            try canvas.send("a")
            try canvas.type("Pool max is 5 since v2.14.0")
            try canvas.send("C-s")
            #expect(try canvas.waitFor("Note saved").matched, "\(canvas.screen)")

            // and quit
            try canvas.send("q")
            #expect(exitStatus() == 0, "q exits cleanly: \(canvas.screen)")

            // Then reopening shows the investigation with its link and note, and the star
            let reopened = try openCanvas(["--db", database, "--filter", "is:starred"])
            // (the demo's worked example investigation stars 5 events of its own)
            let screen = try reopened.waitFor("6 events ·")
            #expect(screen.matched, "the starred event persists beside the example's 5: \(screen.screen)")
            #expect(screen.screen.contains("1e 1n"), "the investigation keeps its link and note: \(screen.screen)")
            try reopened.send("1", "j")
            let notes = try reopened.waitFor("Pool max is 5 since v2.14.0")
            #expect(notes.matched, "selecting the investigation shows its note: \(notes.screen)")
            try reopened.send("q")
            #expect(exitStatus() == 0)
        }

        @Test func tooSmallTerminalSaysSoAndResizeRecovers() throws {
            let canvas = try openCanvas(["demo", "--db", database], width: 40, height: 10)
            #expect(try canvas.waitFor("too small", seconds: 30).matched, "\(canvas.screen)")
            try canvas.resize(width: 120, height: 36)
            #expect(try canvas.waitFor("┌ Timeline").matched, "a resize redraws the panes: \(canvas.screen)")
            try canvas.send("q")
        }

        @Test func escapeSequencesInLogLinesNeverReachTheTerminal() throws {
            let file = directory.appendingPathComponent("evil.log")
            try Data("2026-11-20T10:00:00Z ERROR evil \u{1B}]0;pwned\u{07}\u{1B}[2J title change and clear\n".utf8).write(to: file)
            let ingest = try BinaryRunner.run(["ingest", "--db", database, file.path])
            #expect(ingest.status == 0, "\(ingest.stderr)")
            let canvas = try openCanvas(["--db", database])
            let screen = try canvas.waitFor("title change and clear")
            #expect(screen.matched, "the line is shown: \(screen.screen)")
            #expect(!screen.screen.contains("pwned"), "the OSC payload is removed, not executed: \(screen.screen)")
            try canvas.send("q")
        }

        @Test func aSixteenThousandCharacterPasteIsOneEditOfTheFilterBar() throws {
            // Given the canvas open on one event, with the filter bar open
            let file = directory.appendingPathComponent("one.log")
            try Data("2026-11-20T10:00:00Z INFO service started\n".utf8).write(to: file)
            #expect(try BinaryRunner.run(["ingest", "--db", database, file.path]).status == 0)
            let canvas = try openCanvas(["--db", database])
            #expect(try canvas.waitFor("1 event ·").matched, "\(canvas.screen)")
            try canvas.send("/")

            // When 16,000 characters holding a line break and command keys are pasted (tmux sends
            // a bracketed paste because the canvas turned the mode on; as 16,000 keys this never
            // finished, and the line break would have applied half of it)
            try canvas.paste(String(repeating: "severity>=error ", count: 500) + "\n" + String(repeating: "q d x ", count: 1_331) + "service:pasted-end")

            // Then the bar shows the end of the text, still open (the deadline is generous for a
            // loaded machine; one paste is one edit and one frame)
            let shown = try canvas.waitFor("service:pasted-end", seconds: 20)
            #expect(shown.matched, "the paste reached the filter bar: \(shown.screen)")
            #expect(shown.screen.contains("1 event ·"), "nothing was applied or run: \(shown.screen)")
            try canvas.send("Escape")
            #expect(try canvas.waitFor { !$0.contains("service:pasted-end") }.matched, "\(canvas.screen)")
            try canvas.send("q")
            #expect(exitStatus() == 0, "\(canvas.screen)")
        }

        @Test func anIngestInAnotherProcessShowsUpWithinASecond() throws {
            let first = directory.appendingPathComponent("first.log")
            try Data("2026-11-20T10:00:00Z INFO service started\n".utf8).write(to: first)
            #expect(try BinaryRunner.run(["ingest", "--db", database, first.path]).status == 0)
            let canvas = try openCanvas(["--db", database])
            #expect(try canvas.waitFor("1 event ·").matched, "\(canvas.screen)")

            // When another process stores three more events while the canvas is open
            let second = directory.appendingPathComponent("second.log")
            try Data("2026-11-20T10:00:01Z ERROR disk full\n2026-11-20T10:00:02Z WARN retrying\n2026-11-20T10:00:03Z INFO recovered\n".utf8).write(to: second)
            #expect(try BinaryRunner.run(["ingest", "--db", database, second.path]).status == 0)

            // Then the count and the timeline update without a key press (the canvas polls every
            // 250 ms; the deadline is generous because a loaded CI machine is slow, and the
            // time it takes is measured by `inquest-bench canvas`, not asserted here)
            let updated = try canvas.waitFor("4 events ·", seconds: 15)
            #expect(updated.matched, "the canvas noticed the other process's write: \(updated.screen)")
            try canvas.send("F")
            #expect(try canvas.waitFor("recovered", seconds: 15).matched, "\(canvas.screen)")
            try canvas.send("q")
            #expect(exitStatus() == 0)
        }
    }
}
