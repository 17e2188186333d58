import Foundation
import Testing

extension EndToEnd {
    /// The breakdown overlay driven like a user in tmux: open it on the demo, read its first
    /// row, narrow the filter to it with Enter, and find the row's count on the timeline.
    @Suite(.serialized, needsTmux) struct BreakdownEndToEndTests {
        let directory: URL
        let database: String

        init() throws {
            directory = try BinaryRunner.temporaryDirectory()
            database = directory.appendingPathComponent("demo.db").path
        }

        func openCanvas(_ arguments: [String], width: Int = 140, height: Int = 40) throws -> TmuxSession {
            guard let binary = BinaryRunner.binary else { throw BinaryRunner.MissingBinary() }
            let env = ["XDG_CONFIG_HOME": directory.path, "HOME": directory.path, "USER": "e2e"]
            let command = ([binary.path] + arguments).map(TmuxSession.shellQuote).joined(separator: " ")
            return try TmuxSession(command: ["/bin/sh", "-c", command], width: width, height: height, environment: env)
        }

        /// The row under the header `EVENTS  SHARE  ERRORS  SERVICE`: its event count and service.
        static func firstRow(of screen: String) -> (events: String, service: String)? {
            let lines = screen.components(separatedBy: "\n")
            guard let header = lines.firstIndex(where: { $0.contains("EVENTS") && $0.contains("SERVICE") }), header + 1 < lines.count else {
                return nil
            }
            let words = lines[header + 1].split(whereSeparator: { $0 == " " || $0 == "│" }).map(String.init)
            guard words.count >= 4 else { return nil }
            return (words[0], words[3])
        }

        @Test func breakTheDemoDownAndNarrowTheFilterFromARow() throws {
            // Given the demo store in the canvas
            let canvas = try openCanvas(["demo", "--db", database])
            #expect(try canvas.waitFor("4,665 events", seconds: 30).matched, "the demo loads: \(canvas.screen)")

            // When I open the breakdown
            try canvas.send("b")
            let opened = try canvas.waitFor { $0.contains("Breakdown by service") && Self.firstRow(of: $0) != nil }
            #expect(opened.matched, "the overlay lists services: \(opened.screen)")
            #expect(opened.screen.contains("4,665 events"), "the overlay counts the whole view: \(opened.screen)")
            let row = try #require(Self.firstRow(of: opened.screen))

            // Then Tab groups by template, and back by service with Shift-Tab
            try canvas.send("Tab")
            #expect(try canvas.waitFor("Breakdown by template").matched, "\(canvas.screen)")
            try canvas.send("BTab")
            #expect(try canvas.waitFor { $0.contains("Breakdown by service") && !$0.contains("reading…") && Self.firstRow(of: $0) != nil }.matched)

            // When I press Enter on the first row
            try canvas.send("Enter")

            // Then the filter bar shows the row's filter and the timeline counts the row's events
            let narrowed = try canvas.waitFor { $0.contains("service:\"\(row.service)\"") && $0.contains("\(row.events) events") }
            #expect(narrowed.matched, "the filter is narrowed to \(row.service) (\(row.events) events): \(narrowed.screen)")
            #expect(!narrowed.screen.contains("Breakdown by"), "the overlay closed")

            try canvas.send("q")
        }
    }
}
