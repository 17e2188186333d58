import Foundation
import InquestCore
import InquestIngest
import InquestStore
import Testing

/// A metric file's series are tied to the service its labels or its name say, so its anomaly
/// events show beside the service's logs and its series can be read back by service.
@Suite struct MetricServiceIngestTests {
    let directory: URL

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("inquest-series-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    /// A wide file: `Time,Pod,cpu(m),latency(s)` for 600 minutes with a latency excursion at minute 400.
    func wideFile(named name: String, podColumn: String = "Pod", pod: String) throws -> String {
        var csv = "Time,\(podColumn),cpu(m),latency(s)\n"
        for minute in 0..<600 {
            let latency = (400..<405).contains(minute) ? 9.5 : 0.02 + Double(minute % 5) / 1000
            csv += "2026-11-20 \(String(format: "%02d:%02d", minute / 60, minute % 60)):00,\(pod),\(10 + minute % 3),\(latency)\n"
        }
        let path = directory.appendingPathComponent(name).path
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aPodColumnTiesEverySeriesAndItsEventsToTheDeployment() throws {
        let path = try wideFile(named: "node-7.csv", pod: "billing-api-6f94c49ccd-4rdb2")
        let store = try InquestStore.inMemory()
        _ = try FileIngestor(store: store).ingest(paths: [path])

        let series = try store.seriesList()
        #expect(series.map(\.name) == ["cpu(m)", "latency(s)"])
        #expect(series.allSatisfy { $0.service == "billing-api" && $0.labels["Pod"] == "billing-api-6f94c49ccd-4rdb2" })
        #expect(series.last?.minimum == 0.02 && series.last?.maximum == 9.5)
        let sql = FilterSQLCompiler.compile(try Filter.parse("service:billing-api source:metric"), now: Timestamp(nanoseconds: 0))
        let events = try store.window(sql, anchor: .oldest, limit: 10)
        #expect(events.count == 1)
        #expect(events.first?.message.contains("latency(s)") == true)
    }

    @Test func aPodShapedFileNameTiesSeriesWithoutLabels() throws {
        var csv = "timestamp,value\n"
        for minute in 0..<60 { csv += "2026-11-20 10:\(String(format: "%02d", minute)):00,\(minute % 4)\n" }
        let path = directory.appendingPathComponent("search-7d9f8c6b5d-x2x4z_metric.csv").path
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        let store = try InquestStore.inMemory()
        _ = try FileIngestor(store: store).ingest(paths: [path])
        #expect(try store.seriesList().map(\.service) == ["search"])
    }

    @Test func theIngestServiceOptionTiesSeriesThatNameNone() throws {
        var csv = "timestamp,value\n"
        for minute in 0..<60 { csv += "2026-11-20 10:\(String(format: "%02d", minute)):00,\(minute % 4)\n" }
        let path = directory.appendingPathComponent("latency.csv").path
        try Data(csv.utf8).write(to: URL(fileURLWithPath: path))
        let store = try InquestStore.inMemory()
        var options = IngestOptions()
        options.defaultService = "checkout"
        _ = try FileIngestor(store: store, options: options).ingest(paths: [path])
        #expect(try store.seriesList().map(\.service) == ["checkout"])
    }

    @Test func seriesAreListedInATimeWindowAndTheirSamplesReadBack() throws {
        let path = try wideFile(named: "w.csv", pod: "cart-7d97b69596-lmsfv")
        let store = try InquestStore.inMemory()
        _ = try FileIngestor(store: store).ingest(paths: [path])
        let start = Timestamp(seconds: 1_795_132_800)  // 2026-11-20T00:00Z
        let window = start.advanced(saturating: 100 * 60_000_000_000)..<start.advanced(saturating: 110 * 60_000_000_000)

        let listed = try store.seriesList(range: window)
        #expect(listed.map(\.sampleCount) == [10, 10])
        #expect(listed.first?.first == window.lowerBound)
        #expect(try store.seriesList(range: start.advanced(saturating: -10)..<start).isEmpty)

        #expect(try store.seriesList(name: "latency(s)").map(\.name) == ["latency(s)"])
        #expect(try store.seriesList(range: window, name: "nothing").isEmpty)
        let id = try #require(listed.last?.id)
        #expect(try store.series(id: id)?.sampleCount == 600)
        let samples = try store.samples(series: id, range: window)
        #expect(samples.count == 10 && samples.map(\.timestamp) == samples.map(\.timestamp).sorted())
        #expect(try store.seriesID(name: "latency(s)", labels: ["Pod": "cart-7d97b69596-lmsfv", "service": "cart"]) == id)
    }
}
