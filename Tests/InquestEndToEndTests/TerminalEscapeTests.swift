import Foundation
import Testing

extension EndToEnd {
    /// Messages that quote input (file names, CSV cells, config values) reach the terminal only
    /// through the sanitiser, and `query --format jsonl` escapes what JSON leaves raw.
    @Suite struct TerminalEscapeTests: CLIFixture {
        let workspace: CLIWorkspace

        init() throws {
            workspace = try CLIWorkspace()
        }

        /// Neither ESC, BEL, 8-bit CSI/OSC/ST nor a bidi override.
        static func isTerminalSafe(_ text: String) -> Bool {
            !text.unicodeScalars.contains { scalar in
                switch scalar.value {
                case 0x1B, 0x07, 0x9B, 0x9C, 0x9D, 0x202A...0x202E, 0x2066...0x2069: true
                default: false
                }
            }
        }

        @Test func ingestSummaryDoesNotPrintAFileNameRaw() throws {
            let file = try write("evil\u{1B}]0;PWNED\u{07}.log", "level=info msg=ok\n")
            let result = try BinaryRunner.run(["ingest", "--db", database, file])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("evil.log ["), "the name is shown, its escape sequence removed: \(result.stdout)")
            #expect(Self.isTerminalSafe(result.stdout), "\(result.stdout.debugDescription)")
        }

        @Test func ingestErrorDoesNotPrintAMissingFileNameRaw() throws {
            let missing = directory.appendingPathComponent("gone\u{1B}]0;PWNED\u{07}.log").path
            let result = try BinaryRunner.run(["ingest", "--db", database, missing])
            #expect(result.status != 0)
            #expect(result.stderr.contains("gone"), "\(result.stderr)")
            #expect(Self.isTerminalSafe(result.stderr), "\(result.stderr.debugDescription)")
        }

        @Test func detectDoesNotQuoteACSVCellRaw() throws {
            let file = try write("series.csv", "timestamp,value\n2026-11-20T10:00:00Z,1\n2026-11-20T10:01:00Z,\u{1B}]0;PWNED\u{07}\n")
            let result = try BinaryRunner.run(["detect", file])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stderr.isEmpty, "the bad row is reported")
            #expect(Self.isTerminalSafe(result.stderr), "\(result.stderr.debugDescription)")
        }

        @Test func csvIngestSummaryDoesNotQuoteACellRaw() throws {
            let file = try write("latency.csv", "timestamp,value\n2026-11-20T10:00:00Z,1\n\u{1B}]0;PWNED\u{07},2\n")
            let result = try BinaryRunner.run(["ingest", "--db", database, file])
            #expect(Self.isTerminalSafe(result.stdout), "\(result.stdout.debugDescription)")
            #expect(Self.isTerminalSafe(result.stderr), "\(result.stderr.debugDescription)")
        }

        @Test func watchConfigErrorDoesNotEchoControlCharacters() throws {
            let config = try write("watch.yaml", "feeds:\n  - name: \"x\u{1B}]0;PWNED\u{07}\"\n    kind: \"bogus\u{1B}[2J\"\n")
            let result = try BinaryRunner.run(["watch", "--db", database, "--config", config])
            #expect(result.status != 0)
            #expect(!result.stderr.isEmpty)
            #expect(Self.isTerminalSafe(result.stderr), "\(result.stderr.debugDescription)")
        }

        @Test func queryJSONLinesEscapesC1ControlsAndBidiOverrides() throws {
            let message = "a\u{9B}31mb\u{9D}0;x\u{9C}c\u{202E}d\u{2066}e"
            let line = try JSONSerialization.data(withJSONObject: ["ts": "2026-11-20T10:00:00Z", "level": "info", "msg": message])
            let file = try write("c1.jsonl", String(decoding: line, as: UTF8.self) + "\n")
            #expect(try BinaryRunner.run(["ingest", "--db", database, file]).status == 0)
            let result = try BinaryRunner.run(["query", "--db", database, "--format", "jsonl", ""])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(Self.isTerminalSafe(result.stdout), "\(result.stdout.debugDescription)")
            #expect(result.stdout.contains("\\u009b") && result.stdout.contains("\\u202e"), "\(result.stdout)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(object["message"] as? String == message, "the value is kept, only its spelling escaped")
        }
    }
}
