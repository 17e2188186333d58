import Foundation
import Testing

extension EndToEnd {
    /// Whatever kills the canvas, the terminal is handed back: a fatal signal leaves the
    /// alternate screen, shows the cursor and restores the line discipline (issue 13).
    @Suite(.serialized) struct CrashRestoreEndToEndTests {
        let directory: URL
        let database: String

        init() throws {
            directory = try BinaryRunner.temporaryDirectory()
            database = directory.appendingPathComponent("demo.db").path
        }

        func file(_ name: String) -> String { directory.appendingPathComponent(name).path }

        /// Polls for a file's trimmed contents until `seconds` pass.
        func contents(of path: String, seconds: Double = 10) -> String? {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if let text = try? String(contentsOfFile: path, encoding: .utf8), text.hasSuffix("\n") {
                    return text.trimmingCharacters(in: .whitespacesAndNewlines)
                }
                usleep(50_000)
            }
            return nil
        }

        @Test(arguments: ["SEGV", "ILL", "ABRT", "BUS"])
        func aFatalSignalLeavesTheTerminalRestored(signal: String) throws {
            guard let binary = BinaryRunner.binary else { throw BinaryRunner.MissingBinary() }
            // Given the canvas on the demo store, started by a shell that records its pid, its
            // exit status and then the terminal's modes
            let quoted = TmuxSession.shellQuote
            let canvas = ([binary.path, "demo", "--db", database]).map(quoted).joined(separator: " ")
            let script = "exec 3<&0; \(canvas) 0<&3 3<&- & echo $! > \(quoted(file("pid"))); wait $!; "
                + "echo $? > \(quoted(file("status"))); stty -a > \(quoted(file("stty"))); exec cat"
            let session = try TmuxSession(
                command: ["/bin/sh", "-c", script], width: 120, height: 32,
                environment: ["XDG_CONFIG_HOME": directory.path, "HOME": directory.path, "USER": "e2e",
                              "SWIFT_BACKTRACE": "enable=no"])
            #expect(try session.waitFor("4,665 events", seconds: 30).matched, "the demo loads: \(session.screen)")
            #expect(try session.paneFormat("#{alternate_on} #{cursor_flag}") == "1 0")
            let pid = try #require(contents(of: file("pid")).flatMap { Int32($0) })

            // When the canvas dies of a fatal signal
            let kill = Process()
            kill.executableURL = URL(fileURLWithPath: "/bin/kill")
            kill.arguments = ["-\(signal)", String(pid)]
            try kill.run()
            kill.waitUntilExit()

            // Then it died of that signal, and the terminal is out of the alternate screen, with
            // a visible cursor and canonical input with echo
            let status = try #require(contents(of: file("status")))
            #expect(Int32(status).map { $0 > 128 } == true, "status \(status)")
            let modes = try #require(contents(of: file("stty")))
            #expect(modes.contains(" icanon") && modes.contains(" echo "), "\(modes)")
            #expect(try session.paneFormat("#{alternate_on} #{cursor_flag}") == "0 1")
        }
    }
}
