import Foundation
import Testing

extension EndToEnd.CanvasEndToEndTests {
    /// The suspects overlay on the demo store: `S` ranks services, Enter narrows the timeline
    /// to the events behind the selected evidence row, with its filter in the filter bar.
    @Test func suspectsOverlayRanksAServiceAndEnterNarrowsTheTimeline() throws {
        // Given the demo store, opened in the canvas
        let canvas = try openCanvas(["demo", "--db", database])
        #expect(try canvas.waitFor("4,665 events", seconds: 30).matched, "the demo loads: \(canvas.screen)")

        // When I select an event at the start of the demo's incident (its first burst of errors)
        try canvas.send("@")
        try canvas.type("2026-11-19T14:02:40Z")
        try canvas.send("Enter")
        #expect(try canvas.waitFor("14:02:40").matched, "the jump lands on the incident: \(canvas.screen)")

        // and open the suspects overlay
        try canvas.send("S")
        let ranked = try canvas.waitFor(seconds: 30) { $0.contains(" 1. ") && $0.contains("score ") }
        #expect(ranked.matched, "a ranked service with its score: \(ranked.screen)")
        let filterLine = ranked.screen.split(separator: "\n").first { $0.contains("Enter filters: ") }
        let filter = filterLine.flatMap { line in
            line.range(of: "Enter filters: ").map { String(line[$0.upperBound...]).trimmingCharacters(in: .whitespaces.union(["│"])) }
        }
        let shown = try #require(filter, "the selected evidence row's filter is shown: \(ranked.screen)")

        // and press Enter on the first evidence row
        try canvas.send("Enter")
        let narrowed = try canvas.waitFor(seconds: 15) { screen in
            !screen.contains("Enter filters: ") && !screen.contains("4,665 events") && screen.contains(" events")
                && screen.contains(String(shown.prefix(20)))
        }
        #expect(narrowed.matched, "the overlay closes and the timeline shows fewer events under the evidence's filter: \(narrowed.screen)")

        try canvas.send("q")
        #expect(exitStatus() == 0, "q exits cleanly: \(canvas.screen)")
    }
}
