import Foundation
import InquestTestSupport
import InquestCore
import InquestIngest
import InquestStore
import Testing

/// `inquest ingest` of metric and trace documents stores samples and spans compactly, once.
@Suite struct CompactIngestTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("inquest-compact-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    @Test func aCSVSeriesStoresEverySampleOnceAndItsAnomalyEvent() throws {
        var csv = "timestamp,value\n"
        for minute in 0..<600 {
            let value = (minute >= 400 && minute < 405) ? 500.0 : 40.0 + Double((minute * 7) % 5)
            csv += "2026-11-20 \(String(format: "%02d:%02d", minute / 60, minute % 60)):00,\(value)\n"
        }
        let path = directory.appendingPathComponent("latency.csv").path
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        let store = try InquestStore.inMemory()

        let first = try FileIngestor(store: store).ingest(paths: [path])
        let second = try FileIngestor(store: store).ingest(paths: [path])

        #expect(first.samplesStored == 600 && second.samplesStored == 0)
        #expect(try store.sampleCount() == 600)
        #expect(try store.seriesList().map(\.name) == ["latency"])
        #expect(try store.count(.everything) == 1)
    }

    @Test(.enabled(if: SharedCorpus.isAvailable, SharedCorpus.skipReason))
    func aPrometheusExpositionFromTheCorpusIsDetectedAndStoredAsSamples() throws {
        let path = try SharedCorpus.path("prometheus/prometheus/alltypes.237mfs.prom.txt")
        try #require(FileManager.default.fileExists(atPath: path), "corpus missing at \(path)")
        let store = try InquestStore.inMemory()

        let summary = try FileIngestor(store: store).ingest(paths: [path])

        #expect(summary.files.first?.format == "prometheus")
        #expect(summary.samplesStored > 1_000)
        #expect(try store.sampleCount() == summary.samplesStored)
        #expect(try store.seriesList().count == summary.samplesStored)
        #expect(try FileIngestor(store: store).ingest(paths: [path]).samplesStored == 0)
    }

    @Test(.enabled(if: SharedCorpus.isAvailable, SharedCorpus.skipReason), arguments: [
        ("otlp/opentelemetry-proto/examples/trace.json", "otlp"),
        ("jaeger/jaeger-ui/testTraceNormal.json", "jaeger"),
        ("zipkin/zipkin-lens/testdata/yelp.json", "zipkin"),
    ])
    func traceFilesFromTheCorpusStoreTheirSpansOnce(file: String, format: String) throws {
        let path = try SharedCorpus.path(file)
        try #require(FileManager.default.fileExists(atPath: path), "corpus missing at \(path)")
        let store = try InquestStore.inMemory()

        let summary = try FileIngestor(store: store).ingest(paths: [path])
        let again = try FileIngestor(store: store).ingest(paths: [path])

        #expect(summary.files.first?.format == format)
        #expect(summary.spansStored > 0)
        #expect(again.spansStored == 0)
        #expect(try store.spanCount() == summary.spansStored)
    }

    @Test(.enabled(if: SharedCorpus.isAvailable, SharedCorpus.skipReason))
    func theOTLPExampleTraceIsReadBackByTraceID() throws {
        let path = try SharedCorpus.path("otlp/opentelemetry-proto/examples/trace.json")
        try #require(FileManager.default.fileExists(atPath: path), "corpus missing at \(path)")
        let store = try InquestStore.inMemory()
        _ = try FileIngestor(store: store).ingest(paths: [path])
        // The example's trace id is base64/hex "5B8EFFF798038103D269B633813FC60C".
        let spans = try store.spans(traceID: "5b8efff798038103d269b633813fc60c")
        #expect(spans.count == 1)
        #expect(spans.first?.operation == "I'm a server span")
        #expect(spans.first?.service == "my.service")
    }
}

extension CompactIngestTests {
    @Test(.enabled(if: SharedCorpus.isAvailable, SharedCorpus.skipReason))
    func anOTLPLogsFileIsDetectedAndStoredAsLogEventsOnce() throws {
        let path = try SharedCorpus.path("otlp/opentelemetry-proto/examples/logs.json")
        try #require(FileManager.default.fileExists(atPath: path), "corpus missing at \(path)")
        let store = try InquestStore.inMemory()
        let first = try FileIngestor(store: store).ingest(paths: [path])
        let second = try FileIngestor(store: store).ingest(paths: [path])
        #expect(first.files.first?.format == "otlp-logs")
        #expect(first.stored == 1 && second.stored == 0)
    }
}
