import Foundation
import Testing

extension EndToEnd {
    /// The audit trail in the canvas, driven in tmux on the demo store.
    @Suite(.serialized, needsTmux) struct AuditCanvasEndToEndTests {
        let directory: URL
        let database: String

        init() throws {
            directory = try BinaryRunner.temporaryDirectory()
            database = directory.appendingPathComponent("demo.db").path
        }

        @Test func logOverlayListsTheWorkedExamplesTrail() throws {
            // Given the demo store, with its worked example built by `inquest demo`
            let built = try BinaryRunner.run(["demo", "--db", database, "--summary"], environment: ["USER": "e2e"])
            #expect(built.status == 0, "\(built.stderr)")
            guard let binary = BinaryRunner.binary else { throw BinaryRunner.MissingBinary() }
            let canvas = try TmuxSession(
                command: [binary.path, "--db", database], width: 140, height: 40,
                environment: ["XDG_CONFIG_HOME": directory.path, "HOME": directory.path, "USER": "e2e"])
            #expect(try canvas.waitFor("4,665 events", seconds: 30).matched, "\(canvas.screen)")
            // When the example is selected, its pane says who created it
            try canvas.send("1", "j")
            #expect(try canvas.waitFor("created by e2e").matched, "\(canvas.screen)")
            // and `:log` opens its trail
            try canvas.send(":")
            try canvas.type("log")
            try canvas.send("Enter")
            let overlay = try canvas.waitFor("Log — Checkout 5xx")
            #expect(overlay.matched, "\(overlay.screen)")
            #expect(try canvas.waitFor("create investigation #1").matched, "\(canvas.screen)")
            #expect(canvas.screen.contains("e2e"), "the OS user is the actor: \(canvas.screen)")
            // Then ESC closes it and q quits
            try canvas.send("Escape")
            #expect(try canvas.waitFor { !$0.contains("Log — Checkout 5xx") }.matched, "\(canvas.screen)")
            try canvas.send("q")
        }
    }
}
