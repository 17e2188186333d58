import Foundation
import InquestTestSupport
import InquestCore
import InquestIngest
import InquestStore
import Testing

/// Every trace file gives each of its traces one `trace` event, even with nothing failed or
/// slow in it, and stores it once however often the file is ingested.
@Suite struct TraceEventIngestTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("inquest-trace-events-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    static func traceEvents(_ store: InquestStore) throws -> [EventSummary] {
        let filter = FilterSQLCompiler.compile(try Filter.parse("source:trace"), now: Timestamp(nanoseconds: 0))
        return try store.window(filter, anchor: .oldest, limit: 1_000)
    }

    /// Expected messages worked out by hand from each file with `python3 -c 'import json; ...'`
    /// (root: the span without a parent; duration: first start to last end).
    @Test(.enabled(if: SharedCorpus.isAvailable, SharedCorpus.skipReason), arguments: [
        ("otlp/opentelemetry-proto/examples/trace.json", "trace (root missing) from I'm a server span: 1 span, 1000.0 ms", "my.service", Severity.info),
        ("jaeger/jaeger-ui/testTraceNormal.json", "trace GET /api/customer/owners/8/pets/10: 5 spans, 4.9 ms", "api-gateway", .info),
        ("zipkin/zipkin-lens/testdata/yelp.json", "trace post /location/update/v4: 16 spans, 131.8 ms", "routing", .info),
    ])
    func eachCorpusTraceFileGivesItsTraceEventOnce(file: String, message: String, service: String, severity: Severity) throws {
        let path = try SharedCorpus.path(file)
        let store = try InquestStore.inMemory()

        let first = try FileIngestor(store: store).ingest(paths: [path])
        let again = try FileIngestor(store: store).ingest(paths: [path])

        let events = try Self.traceEvents(store)
        #expect(events.map(\.message) == [message])
        #expect(events.first?.service == service)
        #expect(events.first?.severity == severity)
        #expect(first.stored == 1)
        #expect(again.stored == 0 && again.duplicates == 1)
    }

    @Test func aTraceEventCarriesItsTraceIDSoTheTraceFilterFindsItWithItsSpans() throws {
        let spans = [
            #"{"traceId":"0af7651916cd43dd8448eb211c80319c","id":"b7ad6b7169203331","name":"get /cart","timestamp":1700000000000000,"duration":20000,"localEndpoint":{"serviceName":"frontend"}}"#,
            #"{"traceId":"0af7651916cd43dd8448eb211c80319c","id":"00f067aa0ba902b7","parentId":"b7ad6b7169203331","name":"select","timestamp":1700000000005000,"duration":3000,"localEndpoint":{"serviceName":"cart"},"tags":{"error":"deadlock"}}"#,
        ]
        let path = directory.appendingPathComponent("spans.json").path
        try Data(("[" + spans.joined(separator: ",") + "]").utf8).write(to: URL(fileURLWithPath: path))
        let store = try InquestStore.inMemory()

        let summary = try FileIngestor(store: store).ingest(paths: [path])

        #expect(summary.files.first?.format == "zipkin")
        let filter = FilterSQLCompiler.compile(try Filter.parse("trace:0af7651916cd43dd8448eb211c80319c"), now: Timestamp(nanoseconds: 0))
        let events = try store.window(filter, anchor: .oldest, limit: 10)
        #expect(events.map(\.message) == ["trace get /cart: 2 spans, 1 failed, 20.0 ms", "select failed: deadlock (3.0 ms)"])
        #expect(events.map(\.severity) == [.error, .error])
        #expect(try store.spans(traceID: "0af7651916cd43dd8448eb211c80319c").count == 2)
    }
}
