import Foundation
import Testing
import InquestText

extension EndToEnd {
    /// Issue 17 item 9: a click selects the row under it, the wheel scrolls, a click on the
    /// density strip jumps to that time, a click on a pane focuses it; `--no-mouse` and
    /// `mouse = off` leave the mouse to the terminal (tmux's pane reports no mouse mode).
    @Suite(.serialized, needsTmux) struct MouseEndToEndTests {
        let directory: URL
        let database: String

        init() throws {
            directory = try BinaryRunner.temporaryDirectory()
            database = directory.appendingPathComponent("mouse.db").path
            let file = directory.appendingPathComponent("app.log")
            try Data("""
                2026-11-20T10:00:00.000Z INFO service started
                2026-11-20T10:00:01.000Z ERROR payment 4711 failed: gateway timeout
                2026-11-20T10:30:00.000Z WARN upstream slow
                2026-11-20T11:00:00.000Z INFO done

                """.utf8).write(to: file)
            #expect(try BinaryRunner.run(["ingest", "--db", database, file.path]).status == 0)
        }

        func open(_ arguments: [String] = []) throws -> TmuxSession {
            guard let binary = BinaryRunner.binary else { throw BinaryRunner.MissingBinary() }
            return try TmuxSession(
                command: [binary.path, "--db", database] + arguments, width: 120, height: 30,
                environment: ["XDG_CONFIG_HOME": directory.path, "HOME": directory.path, "USER": "e2e"])
        }

        /// The screen row showing `text`, or nil.
        func row(of text: String, in screen: String) -> Int? {
            screen.components(separatedBy: "\n").firstIndex { $0.contains(text) }
        }

        @Test func clickSelectsARowTheWheelScrollsAndTheStripJumps() throws {
            let canvas = try open()
            let opened = try canvas.waitFor("#4 · 2026-11-20 11:00")
            #expect(opened.matched, "\(opened.screen)")
            #expect(try canvas.paneFormat("#{mouse_any_flag}") == "1", "the canvas asked for mouse reports")

            let first = try #require(row(of: "service started", in: opened.screen))
            try canvas.click(x: 50, y: first)
            #expect(try canvas.waitFor("#1 · 2026-11-20 10:00").matched, "\(canvas.screen)")

            // A notch of the wheel moves three rows, as in less and most terminals' scrollback.
            try canvas.click(x: 50, y: first, .wheelDown)
            #expect(try canvas.waitFor("#4 · 2026-11-20 11:00").matched, "the wheel moves down: \(canvas.screen)")
            try canvas.click(x: 50, y: first, .wheelUp)
            #expect(try canvas.waitFor("#1 · 2026-11-20 10:00").matched, "and back up: \(canvas.screen)")

            // The density strip is the line under the timeline's top border; the second bar from
            // the left is the bucket holding 10:30: a click on it selects the event at 10:30.
            let border = try #require(row(of: "┌ Timeline", in: canvas.screen))
            let strip = Array(canvas.screen.components(separatedBy: "\n")[border + 1])
            let bars = strip.indices.filter { "▁▂▃▄▅▆▇█".contains(strip[$0]) }
            #expect(bars.count >= 2, "bars at 10:00 and 10:30 (11:00's is under the zoom label): \(String(strip))")
            let middle = try #require(bars.dropFirst().first)
            try canvas.click(x: middle, y: border + 1)
            #expect(try canvas.waitFor("#3 · 2026-11-20 10:30").matched, "\(canvas.screen)")

            // A click in the Details pane focuses it: `m` then maximises Details, not the timeline.
            let details = try #require(row(of: "┌ Details", in: canvas.screen))
            try canvas.click(x: 10, y: details + 2)
            try canvas.send("m")
            let maximised = try canvas.waitFor { !$0.contains("┌ Timeline") && $0.contains("┌ Details") }
            #expect(maximised.matched, "\(maximised.screen)")
            try canvas.send("q")
        }

        @Test func noMouseAndTheConfigFileLeaveTheMouseToTheTerminal() throws {
            let flagged = try open(["--no-mouse"])
            #expect(try flagged.waitFor("#4 · 2026-11-20 11:00").matched, "\(flagged.screen)")
            #expect(try flagged.paneFormat("#{mouse_any_flag}") == "0")
            try flagged.send("q")

            let config = directory.appendingPathComponent("inquest")
            try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
            try Data("mouse = off\n".utf8).write(to: config.appendingPathComponent("config"))
            let configured = try open()
            #expect(try configured.waitFor("#4 · 2026-11-20 11:00").matched, "\(configured.screen)")
            #expect(try configured.paneFormat("#{mouse_any_flag}") == "0")
            try configured.send("q")

            // A typo is an error naming the file and line, not a silent default.
            try Data("mouse = sometimes\n".utf8).write(to: config.appendingPathComponent("config"))
            let broken = try open()
            // The message is longer than the pane is wide: read it with wrapped lines joined.
            let expected = "inquest/config:1: `mouse` takes on or off, not `sometimes`"
            let deadline = Date().addingTimeInterval(10)
            var text = try broken.captureJoined()
            while !text.contains(expected), Date() < deadline {
                usleep(50_000)
                text = try broken.captureJoined()
            }
            #expect(text.contains(expected), "\(text)")
        }
    }
}

extension EndToEnd {
    /// Issue 17 item 13: a zero-width-joiner emoji sequence is one two-column cluster on the
    /// real terminal: what follows it on its row stays in its column, and the row ends at the
    /// pane's border like every other row.
    @Suite(.serialized, needsTmux) struct WideClusterEndToEndTests {
        @Test func aFamilyEmojiKeepsTheColumnsAfterItInPlace() throws {
            let directory = try BinaryRunner.temporaryDirectory()
            let database = directory.appendingPathComponent("wide.db").path
            let file = directory.appendingPathComponent("app.log")
            try Data("""
                2026-11-20T10:00:00.000Z INFO plain plan renewed
                2026-11-20T10:00:01.000Z WARN 👨‍👩‍👧 plan renewed

                """.utf8).write(to: file)
            #expect(try BinaryRunner.run(["ingest", "--db", database, file.path]).status == 0)
            guard let binary = BinaryRunner.binary else { throw BinaryRunner.MissingBinary() }
            let canvas = try TmuxSession(command: [binary.path, "--db", database], width: 100, height: 24,
                                         environment: ["HOME": directory.path, "XDG_CONFIG_HOME": directory.path])
            let screen = try canvas.waitFor("2 events ·")
            #expect(screen.matched, "\(screen.screen)")
            let lines = screen.screen.components(separatedBy: "\n")
            let plain = try #require(lines.first { $0.contains("plain plan renewed") })
            let family = try #require(lines.first { $0.contains("plan renewed") && !$0.contains("plain") })
            // Display columns up to "plan renewed": the cluster counts 2, as the canvas measured it
            // (tmux may draw its members apart, but keeps the cells the canvas gave it).
            func column(_ text: String, in line: String) -> Int? {
                line.range(of: text).map { DisplayWidth.of(String(line[..<$0.lowerBound])) }
            }
            #expect(column("plan renewed", in: family) == column("plain", in: plain).map { $0 + 3 }, "\(family)\n\(plain)")
            #expect(family.hasSuffix("│"), "the row ends at the border: \(family)")
            try canvas.send("q")
        }
    }
}
