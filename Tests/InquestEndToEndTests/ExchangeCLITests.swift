import Foundation
import Testing

extension EndToEnd {
    /// `inquest bundle`, `inquest import` and `inquest log` on the demo store, as a user runs them.
    @Suite struct ExchangeCLITests {
        let directory: URL
        let demo: String

        init() throws {
            directory = try BinaryRunner.temporaryDirectory()
            demo = directory.appendingPathComponent("demo.db").path
        }

        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

        /// Builds the demo store (with its worked example, investigation #1).
        func buildDemo() throws {
            let result = try BinaryRunner.run(["demo", "--db", demo, "--summary"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("worked example: investigation #1 (created)"), "\(result.stdout)")
        }

        @Test func demoWorkedExampleIsCreatedOnceAndHasATrail() throws {
            try buildDemo()
            let again = try BinaryRunner.run(["demo", "--db", demo, "--summary"])
            #expect(again.stdout.contains("investigation #1 (already there)"), "\(again.stdout)")
            let log = try BinaryRunner.run(["log", "--db", demo, "1"])
            #expect(log.status == 0, "\(log.stderr)")
            let lines = log.stdout.split(separator: "\n")
            #expect(lines.filter { $0.contains(" create  link of event") }.count == 14)
            #expect(lines.filter { $0.contains(" create  note #") }.count == 4)
            #expect(lines.filter { $0.contains(" create  investigation #1") }.count == 1)
            #expect(log.stdout.contains("tag \"root-cause\" on event"))
        }

        @Test func bundleImportsIntoAnotherStoreOnceAndDamagedCopiesAreRefused() throws {
            try buildDemo()
            let bundle = path("incident.bundle.json")
            let written = try BinaryRunner.run(["bundle", "--db", demo, "1", "-o", bundle, "--context", "1m"])
            #expect(written.status == 0, "\(written.stderr)")
            #expect(written.stdout.contains("14 links"), "\(written.stdout)")

            let other = path("other.db")
            let first = try BinaryRunner.run(["import", "--db", other, bundle])
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.contains("investigation #1: created"), "\(first.stdout)")
            #expect(first.stdout.contains("links: 14 new"), "\(first.stdout)")
            let listed = try BinaryRunner.run(["investigations", "--db", other])
            #expect(listed.stdout.contains("#1 imported from "), "the origin is shown: \(listed.stdout)")
            #expect(listed.stdout.contains(demo), "\(listed.stdout)")
            let second = try BinaryRunner.run(["import", "--db", other, bundle])
            #expect(second.stdout.contains("nothing changed"), "\(second.stdout)")

            // A flipped byte and a truncated copy are refused with a reason, and change nothing
            var data = try Data(contentsOf: URL(fileURLWithPath: bundle))
            let intact = data
            data[data.count / 2] ^= 0x01
            try data.write(to: URL(fileURLWithPath: path("flipped.json")))
            try intact.prefix(intact.count / 3).write(to: URL(fileURLWithPath: path("truncated.json")))
            let fresh = path("fresh.db")
            let flipped = try BinaryRunner.run(["import", "--db", fresh, path("flipped.json")])
            #expect(flipped.status != 0)
            #expect(flipped.stderr.contains("flipped.json"), "\(flipped.stderr)")
            let truncated = try BinaryRunner.run(["import", "--db", fresh, path("truncated.json")])
            #expect(truncated.status != 0)
            #expect(truncated.stderr.contains("truncated"), "\(truncated.stderr)")
            let count = try BinaryRunner.run(["query", "--db", fresh, "--count", ""])
            #expect(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        }

        @Test func logNeutralisesTerminalEscapesFromImportedText() throws {
            // Given a JSON export whose title and first note carry escape sequences
            try buildDemo()
            let export = try BinaryRunner.run(["export", "--db", demo, "1", "--format", "json"])
            #expect(export.status == 0, "\(export.stderr)")
            var document = try #require(try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: Any])
            var header = try #require(document["header"] as? [String: Any])
            header["title"] = "pwn \u{1B}]0;owned\u{07}\u{1B}[2J\u{9B}31m title"
            document["header"] = header
            var notes = try #require(document["notes"] as? [[String: Any]])
            notes[0]["body"] = "note \u{1B}[31mred\u{1B}[0m \u{202E}reversed"
            document["notes"] = notes
            try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: path("hostile.json")))
            // When it is imported and its log printed in both formats
            let other = path("hostile.db")
            let imported = try BinaryRunner.run(["import", "--db", other, path("hostile.json")])
            #expect(imported.status == 0, "\(imported.stderr)")
            for format in ["table", "jsonl"] {
                let log = try BinaryRunner.run(["log", "--db", other, "1", "--format", format])
                #expect(log.status == 0, "\(log.stderr)")
                // Then no escape, C1 control or bidi override reaches the terminal
                let scalars = log.stdout.unicodeScalars
                #expect(!scalars.contains { $0.value == 0x1B || $0.value == 0x07 || (0x80...0x9F).contains($0.value) || $0.value == 0x202E },
                        "\(format): \(log.stdout.debugDescription.prefix(400))")
                #expect(log.stdout.contains("pwn"), "\(format)")
                #expect(log.stdout.contains("red"), "\(format)")
            }
        }
    }
}
