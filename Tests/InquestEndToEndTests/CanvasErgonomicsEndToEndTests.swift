import Foundation
import Testing

extension EndToEnd {
    /// Issue 17, driven like a user in tmux: keep the place after a filter change, narrow
    /// terminals, date separators, the context view, jumping from a note's citation, and relative
    /// times from the selected event.
    @Suite(.serialized, needsTmux) struct CanvasErgonomicsEndToEndTests {
        let directory: URL
        let database: String

        init() throws {
            directory = try BinaryRunner.temporaryDirectory()
            database = directory.appendingPathComponent("demo.db").path
        }

        func open(_ arguments: [String], width: Int = 140, height: Int = 40) throws -> TmuxSession {
            guard let binary = BinaryRunner.binary else { throw BinaryRunner.MissingBinary() }
            return try TmuxSession(
                command: [binary.path] + arguments, width: width, height: height,
                environment: ["XDG_CONFIG_HOME": directory.path, "HOME": directory.path, "USER": "e2e"])
        }

        /// The id in the Details pane's `Event #ID` heading.
        static func selectedEventID(_ screen: String) -> String? {
            guard let range = screen.range(of: #"Event #[0-9]+"#, options: .regularExpression) else { return nil }
            return String(screen[range])
        }

        @Test func clearingTheFilterKeepsTheSelectedEvent() throws {
            // Given the demo filtered to one service's errors, with the cursor moved up from the newest
            let canvas = try open(["demo", "--db", database])
            #expect(try canvas.waitFor("4,665 events", seconds: 30).matched, "the demo loads: \(canvas.screen)")
            try canvas.send("/")
            try canvas.type("service:checkout sev:error")
            try canvas.send("Enter")
            let filtered = try canvas.waitFor(seconds: 10) { $0.contains("316 events") && Self.selectedEventID($0) != nil }
            let newest = try #require(Self.selectedEventID(filtered.screen), "the details show the newest error: \(filtered.screen)")
            // One key, so the screen that shows another event is the final one.
            try canvas.send("PageUp")
            let moved = try canvas.waitFor(seconds: 5) { Self.selectedEventID($0).map { $0 != newest } ?? false }
            let selected = try #require(Self.selectedEventID(moved.screen), "the details show the event: \(moved.screen)")

            // When the filter is cleared
            try canvas.send("/", "C-u", "Enter")
            #expect(try canvas.waitFor("4,665 events").matched, "\(canvas.screen)")

            // Then the same event is still selected
            let after = try canvas.waitFor(seconds: 5) { Self.selectedEventID($0) == selected }
            #expect(after.matched, "still on \(selected): \(after.screen)")
            try canvas.send("q")
        }

        @Test func narrowTerminalsCollapseTheInvestigationsAndWorkDownToFortyByTwelve() throws {
            let canvas = try open(["demo", "--db", database], width: 80, height: 24)
            let screen = try canvas.waitFor("4,665 events", seconds: 30)
            #expect(screen.matched, "the demo loads: \(screen.screen)")
            #expect(screen.screen.contains("Investigations: "), "a one-line header: \(screen.screen)")
            #expect(!screen.screen.contains("┌ Investigations"), "no Investigations column at 80 columns: \(screen.screen)")
            try canvas.resize(width: 40, height: 12)
            let small = try canvas.waitFor(seconds: 5) { $0.contains("┌ Timeline") && !$0.contains("too small") }
            #expect(small.matched, "40×12 draws the timeline: \(small.screen)")
            try canvas.send("3")
            #expect(try canvas.waitFor("┌ Details").matched, "a short screen shows the focused pane: \(canvas.screen)")
            try canvas.send("q")
        }

        @Test func eventsOfTwoDaysAreSeparatedByTheirDates() throws {
            let file = directory.appendingPathComponent("two-days.log")
            try Data("""
                2016-03-04T11:43:16.199Z INFO old service started
                2016-03-04T11:43:17.000Z WARN old disk almost full
                2026-11-20T10:00:00.000Z ERROR new checkout failed
                2026-11-20T10:00:01.000Z INFO new checkout retried

                """.utf8).write(to: file)
            #expect(try BinaryRunner.run(["ingest", "--db", database, file.path]).status == 0)
            let canvas = try open(["--db", database])
            let screen = try canvas.waitFor("2026-11-20 Fri")
            #expect(screen.matched, "the new day has a separator: \(screen.screen)")
            #expect(screen.screen.contains("2016-03-04 Fri"), "the old day too: \(screen.screen)")
            try canvas.send("q")
        }

        @Test func contextShowsTheNeighboursUnfilteredAndEscapeGoesBack() throws {
            let canvas = try open(["demo", "--db", database])
            #expect(try canvas.waitFor("4,665 events", seconds: 30).matched, "the demo loads: \(canvas.screen)")
            try canvas.send("/")
            try canvas.type("service:checkout sev:error")
            try canvas.send("Enter")
            #expect(try canvas.waitFor("316 events").matched)
            try canvas.send("C")
            // Unfiltered: other severities show once the window around the event arrives.
            let context = try canvas.waitFor(seconds: 10) { $0.contains("context ±5m of #") && $0.contains(" INFO ") }
            #expect(context.matched, "the context view is open, unfiltered: \(context.screen)")
            try canvas.send("Escape")
            let back = try canvas.waitFor(seconds: 10) { $0.contains("316 events") && !$0.contains("context ±") }
            #expect(back.matched, "Esc goes back to the filter: \(back.screen)")
            try canvas.send("q")
        }

        @Test func theDemoOpensOnItsInvestigationAndEnterOnANoteJumpsToTheCitedEvent() throws {
            let canvas = try open(["demo", "--db", database])
            #expect(try canvas.waitFor("4,665 events", seconds: 30).matched, "the demo loads: \(canvas.screen)")
            try canvas.send("4")
            try canvas.send("g")
            try canvas.send("Enter")
            let jumped = try canvas.waitFor("context ±5m of #")
            #expect(jumped.matched, "Enter on a note shows its cited event in context: \(jumped.screen)")
            #expect(jumped.screen.contains("Event #"), "and its details: \(jumped.screen)")
            try canvas.send("q")
        }

        @Test func relativeTimesCountFromTheSelectedEvent() throws {
            let canvas = try open(["demo", "--db", database])
            #expect(try canvas.waitFor("4,665 events", seconds: 30).matched, "the demo loads: \(canvas.screen)")
            try canvas.send("T", "T")
            let relative = try canvas.waitFor("Times relative to the selected event")
            #expect(relative.matched, "\(relative.screen)")
            #expect(relative.screen.contains("  0s "), "the selected event is at 0s: \(relative.screen)")
            try canvas.send("q")
        }
    }
}
