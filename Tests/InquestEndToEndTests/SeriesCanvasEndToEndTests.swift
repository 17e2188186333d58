import Foundation
import Testing

extension EndToEnd.CanvasEndToEndTests {
    /// The demo's p99 latency series on screen: listed and charted by the `M` overlay, and
    /// charted in the details pane beside its anomaly event.
    @Test func theDemosLatencySeriesIsChartedInTheSeriesOverlayAndTheDetails() throws {
        // Given the demo store in the canvas
        let canvas = try openCanvas(["demo", "--db", database], width: 120, height: 40)
        #expect(try canvas.waitFor("4,665 events", seconds: 30).matched, "the demo loads: \(canvas.screen)")

        // When the series overlay opens, is filtered and Enter charts the series
        try canvas.send("M")
        #expect(try canvas.waitFor("Metric series — type to filter").matched, "\(canvas.screen)")
        try canvas.type("p99")
        let listed = try canvas.waitFor("1 of 1")
        #expect(listed.matched && listed.screen.contains("checkout_p99_latency_ms"), "the list is filtered: \(listed.screen)")
        try canvas.send("Enter")
        let chart = try canvas.waitFor { $0.contains("ESC back to the list") && $0.contains("└") && $0.contains("samples · min") }
        #expect(chart.matched, "the overlay charts the series: \(chart.screen)")
        #expect(chart.screen.contains { ("\u{2801}"..."\u{28FF}").contains($0) }, "braille dots are drawn: \(chart.screen)")

        // Then ESC goes back to the list and ESC again closes the overlay
        try canvas.send("Escape")
        #expect(try canvas.waitFor("Metric series — type to filter").matched, "\(canvas.screen)")
        try canvas.send("Escape")
        #expect(try canvas.waitFor { !$0.contains("Metric series —") }.matched, "\(canvas.screen)")

        // When the timeline is narrowed to checkout's metric anomaly
        try canvas.send("/")
        try canvas.type("service:checkout source:metric")
        try canvas.send("Enter")
        #expect(try canvas.waitFor("1 event ·").matched, "\(canvas.screen)")
        try canvas.send("3", "m")
        // Then the details pane charts its series around the episode, the episode marked
        let details = try canvas.waitFor { $0.contains("Series checkout_p99_latency_ms · service checkout") && $0.contains("▲") }
        #expect(details.matched, "the details chart the anomaly's series: \(details.screen)")
        try canvas.send("q")
        #expect(exitStatus() == 0, "\(canvas.screen)")
    }
}
