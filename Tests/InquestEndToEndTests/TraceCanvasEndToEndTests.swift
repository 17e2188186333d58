import Foundation
import Testing

extension EndToEnd.CanvasEndToEndTests {
    /// A trace with nothing failed or slow in it is still on the timeline, and selecting it
    /// shows its span tree.
    @Test func aHealthyTraceIsOneEventWhoseSelectionShowsItsSpanTree() throws {
        // Given a Zipkin file of one healthy three-span trace and a log line after it
        let spans = [
            #"{"traceId":"7d1b2c3d4e5f60718293a4b5c6d7e8f9","id":"a000000000000001","name":"get /basket","timestamp":1795000000000000,"duration":40000,"localEndpoint":{"serviceName":"storefront"}}"#,
            #"{"traceId":"7d1b2c3d4e5f60718293a4b5c6d7e8f9","id":"a000000000000002","parentId":"a000000000000001","name":"load basket","timestamp":1795000000005000,"duration":20000,"localEndpoint":{"serviceName":"basket"}}"#,
            #"{"traceId":"7d1b2c3d4e5f60718293a4b5c6d7e8f9","id":"a000000000000003","parentId":"a000000000000002","name":"select rows","timestamp":1795000000010000,"duration":8000,"localEndpoint":{"serviceName":"basket-db"}}"#,
        ]
        let traces = directory.appendingPathComponent("basket.zipkin.json")
        try Data(("[" + spans.joined(separator: ",\n") + "]").utf8).write(to: traces)
        let log = directory.appendingPathComponent("later.log")
        try Data("2026-11-19T08:00:00Z INFO nightly report sent\n".utf8).write(to: log)
        let ingest = try BinaryRunner.run(["ingest", "--db", database, traces.path, log.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")

        // When the canvas opens and the oldest event, the trace's, is selected
        let canvas = try openCanvas(["--db", database])
        #expect(try canvas.waitFor("2 events ·", seconds: 15).matched, "\(canvas.screen)")
        #expect(try canvas.capture().contains("trace get /basket: 3 spans, 40.0 ms"), "\(canvas.screen)")
        try canvas.send("g")

        // Then the details pane shows the trace's span tree, all of it once the pane is maximised
        let heading = try canvas.waitFor("Trace 7d1b2c3d4e5f60718293a4b5c6d7e8f9 · 3 spans")
        #expect(heading.matched, "the span tree is shown: \(heading.screen)")
        try canvas.send("3", "m")
        let tree = try canvas.waitFor { $0.contains("▶ get /basket") && $0.contains("    load basket") && $0.contains("      select rows") }
        #expect(tree.matched, "every span, indented by depth: \(tree.screen)")
        try canvas.send("q")
        #expect(exitStatus() == 0, "\(canvas.screen)")
    }
}
