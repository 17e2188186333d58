import Foundation
import Testing

/// A real vim to drive, if installed.
private let installedVim = ["/usr/bin/vim", "/bin/vim", "/usr/local/bin/vim"].first { FileManager.default.isExecutableFile(atPath: $0) }

extension EndToEnd {
    /// Issue 17 item 3: `E` in the Notes pane hands the terminal to a real `$EDITOR` and takes it
    /// back; a failing editor is reported on the status line.
    @Suite(.serialized, needsTmux, .enabled(if: installedVim != nil, "vim not installed (apt-get install vim); CI installs it"))
    struct ExternalEditorEndToEndTests {
        let directory: URL
        let database: String

        init() throws {
            directory = try BinaryRunner.temporaryDirectory()
            database = directory.appendingPathComponent("demo.db").path
        }

        func openDemo(editor: String) throws -> TmuxSession {
            guard let binary = BinaryRunner.binary else { throw BinaryRunner.MissingBinary() }
            return try TmuxSession(
                command: [binary.path, "demo", "--db", database],
                width: 140, height: 40,
                environment: ["XDG_CONFIG_HOME": directory.path, "HOME": directory.path, "USER": "e2e", "VISUAL": "", "EDITOR": editor]
            )
        }

        @Test func vimEditsTheSelectedNoteAndTheCanvasComesBack() throws {
            // Given the demo, which opens on its worked investigation, with the Notes pane focused
            let canvas = try openDemo(editor: "vim -u NONE -i NONE -n")
            #expect(try canvas.waitFor("4,665 events", seconds: 30).matched, "the demo loads: \(canvas.screen)")
            try canvas.send("4")
            #expect(try canvas.waitFor("┌ Notes").matched)

            // When E opens vim on the note, and I replace its text and write it with :wq
            try canvas.send("E")
            let vim = try canvas.waitFor("inquest-note-")
            #expect(vim.matched, "vim shows the note's file: \(vim.screen)")
            #expect(!vim.screen.contains("Error reading input"), "vim can read the terminal: \(vim.screen)")
            try canvas.type("ggdG")
            try canvas.type("iRewritten in vim: pool max is 5")
            try canvas.send("Escape")
            try canvas.type(":wq")
            try canvas.send("Enter")

            // Then the canvas is back, says so, and shows the new text
            let back = try canvas.waitFor("Note saved")
            #expect(back.matched, "the canvas reports the save: \(back.screen)")
            #expect(try canvas.waitFor("Rewritten in vim: pool max is 5").matched, "the note shows its new text: \(canvas.screen)")
            #expect(try canvas.capture().contains("┌ Timeline"), "the panes are redrawn: \(canvas.screen)")
            try canvas.send("q")
        }

        @Test func aFailingEditorIsReportedOnTheStatusLine() throws {
            let canvas = try openDemo(editor: "false")
            #expect(try canvas.waitFor("4,665 events", seconds: 30).matched, "the demo loads: \(canvas.screen)")
            try canvas.send("4", "E")
            let failed = try canvas.waitFor("Editor \"false\" failed (exit status 1)")
            #expect(failed.matched, "the failure is on the status line: \(failed.screen)")
            #expect(failed.screen.contains("┌ Notes"), "the canvas is redrawn: \(failed.screen)")
            try canvas.send("q")
        }
    }
}
