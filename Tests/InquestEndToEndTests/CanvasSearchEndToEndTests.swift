import Foundation
import Testing

extension EndToEnd {
    /// Issue 17 items 5–7 in tmux: regex and inside-word filters with `!`, the `Ctrl-S` search with
    /// `n` wrapping, the filter history and saved views across restarts, and `Tab` at the `:` prompt.
    @Suite(.serialized, needsTmux) struct CanvasSearchEndToEndTests {
        let directory: URL
        let database: String

        init() throws {
            directory = try BinaryRunner.temporaryDirectory()
            database = directory.appendingPathComponent("search.db").path
            let file = directory.appendingPathComponent("api.log")
            try Data("""
                2026-11-20T10:00:00.000Z INFO request served in 12ms
                2026-11-20T10:00:01.000Z ERROR upstream timeout after 3s
                2026-11-20T10:00:02.000Z INFO request served in 15ms
                2026-11-20T10:00:03.000Z WARN retry 1 of 3
                2026-11-20T10:00:04.000Z ERROR upstream timeout after 5s

                """.utf8).write(to: file)
            let ingest = try BinaryRunner.run(["ingest", "--db", database, file.path])
            #expect(ingest.status == 0, "\(ingest)")
        }

        func open() throws -> TmuxSession {
            guard let binary = BinaryRunner.binary else { throw BinaryRunner.MissingBinary() }
            return try TmuxSession(
                command: [binary.path, "--db", database], width: 120, height: 30,
                environment: ["XDG_CONFIG_HOME": directory.path, "HOME": directory.path, "USER": "e2e"])
        }

        func filter(_ canvas: TmuxSession, _ text: String) throws {
            try canvas.send("/", "C-u")
            try canvas.type(text)
            try canvas.send("Enter")
        }

        @Test func regexInsideWordAndInvertedFiltersAndTheSearchWraps() throws {
            let canvas = try open()
            #expect(try canvas.waitFor("5 events").matched, "the store opens: \(canvas.screen)")
            // A word finds the words it starts (less's and lnav's search find `timeo` too).
            try filter(canvas, "timeo")
            #expect(try canvas.waitFor("2 events").matched, "timeo finds timeout: \(canvas.screen)")
            try filter(canvas, "*erve")
            #expect(try canvas.waitFor("2 events").matched, "*erve finds text inside words: \(canvas.screen)")
            try filter(canvas, "/after [35]s$/")
            #expect(try canvas.waitFor("2 events").matched, "a regular expression: \(canvas.screen)")
            try filter(canvas, "!timeout")
            #expect(try canvas.waitFor("3 events").matched, "! inverts: \(canvas.screen)")
            try filter(canvas, "/(a*)*b/")
            #expect(try canvas.waitFor("0 events").matched, "a catastrophic pattern answers at once: \(canvas.screen)")
            try filter(canvas, "")
            #expect(try canvas.waitFor("5 events").matched)

            // Ctrl-S searches without filtering; from the newest event it wraps to the top.
            try canvas.send("C-s")
            #expect(try canvas.waitFor("search:").matched, "the search prompt: \(canvas.screen)")
            try canvas.type("served")
            try canvas.send("Enter")
            let wrapped = try canvas.waitFor("Search hit BOTTOM, continuing at TOP")
            #expect(wrapped.matched, "\(wrapped.screen)")
            #expect(wrapped.screen.contains("5 events"), "the filter stays: \(wrapped.screen)")
            #expect(try canvas.waitFor("served in 12ms").matched)
            try canvas.send("n")
            let next = try canvas.waitFor(seconds: 10) { $0.contains("Event #3") }
            #expect(next.matched, "n goes to the next match: \(next.screen)")
            try canvas.send("q")
        }

        @Test func historyAndSavedViewsSurviveARestart() throws {
            let first = try open()
            #expect(try first.waitFor("5 events").matched, "\(first.screen)")
            try filter(first, "sev:error")
            #expect(try first.waitFor("2 events").matched)
            try first.send(":")
            try first.type("save errors")
            try first.send("Enter")
            #expect(try first.waitFor("Saved view errors").matched, "\(first.screen)")
            try filter(first, "retry")
            #expect(try first.waitFor("1 event").matched, "\(first.screen)")
            try first.send("q")
            _ = try first.waitFor(seconds: 5) { _ in (try? first.hasEnded()) == true }

            let second = try open()
            #expect(try second.waitFor("5 events").matched, "\(second.screen)")
            // ↑ in the filter bar recalls the last session's filters, newest first.
            try second.send("/", "C-u", "Up")
            #expect(try second.waitFor("/retry").matched, "history survived: \(second.screen)")
            try second.send("Up")
            #expect(try second.waitFor("/sev:error").matched, "\(second.screen)")
            // ESC then `:` within the escape delay would read as Alt-:, so wait for the bar to close.
            try second.send("Escape")
            #expect(try second.waitFor("filter: / to edit").matched, "\(second.screen)")
            try second.send(":")
            try second.type("view errors")
            try second.send("Enter")
            #expect(try second.waitFor("View errors:").matched, "\(second.screen)")
            #expect(try second.waitFor("2 events").matched, "the view's filter applies: \(second.screen)")
            try second.send("q")
        }

        @Test func deletingAViewRemovesItForGoodAcrossARestart() throws {
            let first = try open()
            #expect(try first.waitFor("5 events").matched, "\(first.screen)")
            for (filter, name) in [("sev:error", "errors"), ("retry", "retries")] {
                try self.filter(first, filter)
                try first.command("save \(name)")
                #expect(try first.waitFor("Saved view \(name)").matched, "\(first.screen)")
            }
            // The name completes after `:delete-view` as after `:view`.
            try first.send(":")
            try first.type("delete-view err")
            try first.send("Tab")
            #expect(try first.waitFor(":delete-view errors").matched, "\(first.screen)")
            try first.send("Enter")
            #expect(try first.waitFor("Deleted view errors").matched, "\(first.screen)")
            try first.command("views")
            #expect(try first.waitFor("Views (:view NAME, Tab completes): retries").matched, "only retries is left: \(first.screen)")
            try first.send("q")
            _ = try first.waitFor(seconds: 5) { _ in (try? first.hasEnded()) == true }

            let second = try open()
            #expect(try second.waitFor("5 events").matched, "\(second.screen)")
            try second.command("views")
            let listed = try second.waitFor("Views (:view NAME, Tab completes): ")
            #expect(listed.matched, "\(listed.screen)")
            let status = listed.screen.split(separator: "\n").first { $0.contains("Views (:view NAME") } ?? ""
            #expect(status.contains("Tab completes): retries") && !status.contains("errors"), "still gone after a restart: \(listed.screen)")
            try second.command("view errors")
            #expect(try second.waitFor("No view named errors").matched, "\(second.screen)")
            try second.send("q")
        }

        @Test func tabCompletesCommandsAndTheirArgumentsAndLineEditingWorks() throws {
            let canvas = try open()
            #expect(try canvas.waitFor("5 events").matched, "\(canvas.screen)")
            // The filter bar edits as readline does: Ctrl-A to the start, Alt-F past a word,
            // Ctrl-K deletes the rest.
            try canvas.send("/")
            try canvas.type("retry sev:error")
            try canvas.send("C-a", "M-f", "C-k", "Enter")
            #expect(try canvas.waitFor("1 event").matched, "the filter is retry: \(canvas.screen)")
            let bar = try canvas.waitFor { $0.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces) == "/retry" } }
            #expect(bar.matched, "the filter bar shows only retry: \(bar.screen)")
            try canvas.send(":")
            try canvas.type("save mine")
            try canvas.send("Enter")
            #expect(try canvas.waitFor("Saved view mine").matched)
            try canvas.send(":")
            try canvas.type("expo")
            try canvas.send("Tab")
            #expect(try canvas.waitFor(":export").matched, "\(canvas.screen)")
            // Ctrl-W deletes the word, Ctrl-A/Ctrl-E move, as in readline.
            try canvas.send("C-w")
            try canvas.type("view m")
            try canvas.send("Tab")
            let completed = try canvas.waitFor(seconds: 10) { $0.contains(":view mine") }
            #expect(completed.matched, "the view name completes: \(completed.screen)")
            try canvas.send("C-a", "C-k")
            try canvas.type("views")
            try canvas.send("Enter")
            #expect(try canvas.waitFor("Views (:view NAME, Tab completes): mine").matched, "\(canvas.screen)")
            // Themes complete too, and switching one redraws in its colours.
            let before = try canvas.captureWithColours().split(separator: "\n").first
            try canvas.send(":")
            try canvas.type("theme hi")
            try canvas.send("Tab")
            #expect(try canvas.waitFor(":theme high-contrast").matched, "\(canvas.screen)")
            try canvas.send("Enter")
            #expect(try canvas.waitFor("Theme high-contrast").matched, "\(canvas.screen)")
            // The pane's title line: the same text, in the new theme's colours.
            #expect(try canvas.captureWithColours().split(separator: "\n").first != before, "the screen is drawn in other colours")
            try canvas.send(":")
            try canvas.type("theme nosuch")
            try canvas.send("Enter")
            #expect(try canvas.waitFor("no theme named 'nosuch'").matched, "\(canvas.screen)")
            try canvas.send("q")
        }
    }
}
