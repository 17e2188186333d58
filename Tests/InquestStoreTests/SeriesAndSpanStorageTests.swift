import Foundation
import GRDB
import InquestCore
import Testing
@testable import InquestStore

@Suite("Compact storage of metric samples and spans")
struct SeriesAndSpanStorageTests {
    private func points(_ name: String, labels: [String: String] = [:], count: Int, value: (Int) -> Double = { Double($0) }) -> [MetricPoint] {
        (0..<count).map { MetricPoint(name: name, labels: labels, timestamp: Timestamp(nanoseconds: Int64($0) * 15_000_000_000), value: value($0)) }
    }

    @Test func storesSamplesPerSeriesAndReadsARangeBackInOrder() throws {
        // Given two series of one name told apart by labels
        let store = try InquestStore.inMemory()
        let a = points("http_requests_total", labels: ["code": "200", "path": "/a/b"], count: 100)
        let b = points("http_requests_total", labels: ["code": "500"], count: 40) { Double($0) * 2 }
        // When both are appended in one batch
        let result = try store.append(EventBatch(samples: a + b))
        // Then each sample is stored once under its own series
        #expect(result.samplesInserted == 140)
        let list = try store.seriesList()
        #expect(list.map(\.sampleCount) == [100, 40])
        #expect(list.map(\.labels) == [["code": "200", "path": "/a/b"], ["code": "500"]])
        let id = try #require(try store.seriesID(name: "http_requests_total", labels: ["code": "500"]))
        let range = Timestamp(nanoseconds: 15_000_000_000 * 10)..<Timestamp(nanoseconds: 15_000_000_000 * 13)
        #expect(try store.samples(series: id, range: range).map(\.value) == [20, 22, 24])
        #expect(list[0].first == Timestamp(nanoseconds: 0) && list[0].last == Timestamp(nanoseconds: 99 * 15_000_000_000))
    }

    @Test func reAppendingTheSameSamplesStoresNothingNew() throws {
        let store = try InquestStore.inMemory()
        let batch = EventBatch(samples: points("cpu", count: 500))
        #expect(try store.append(batch).samplesInserted == 500)
        #expect(try store.append(batch).samplesInserted == 0)
        #expect(try store.sampleCount() == 500)
        #expect(try store.seriesList().count == 1)
    }

    @Test func aGapIsStoredAndReadBackAsNaN() throws {
        let store = try InquestStore.inMemory()
        try store.append(EventBatch(samples: points("mem", count: 3) { $0 == 1 ? .nan : 1 }))
        let id = try #require(try store.seriesID(name: "mem"))
        let values = try store.samples(series: id, range: Timestamp(nanoseconds: 0)..<Timestamp(nanoseconds: .max)).map(\.value)
        #expect(values.count == 3 && values[1].isNaN && values[0] == 1 && values[2] == 1)
    }

    @Test func samplesAreCompactNotOneEventEach() throws {
        // Given 20,000 samples of one series in an on-disk store
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("inquest-series-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try InquestStore.open(path: directory.appendingPathComponent("s.db").path)
        try store.append(EventBatch(samples: points("latency_seconds", labels: ["pod": "api-1"], count: 20_000) { Double($0 % 97) / 10 }))
        // Then no event was created and the sample table takes well under 40 bytes a sample
        #expect(try store.count(.everything) == 0)
        let pages = try store.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM dbstat WHERE name = 'metric_sample'") ?? 0
        }
        let pageSize = try store.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096 }
        #expect(pages * pageSize / 20_000 < 40)
    }

    @Test func spansOfATraceComeBackInStartOrderAndReIngestStoresNothing() throws {
        let store = try InquestStore.inMemory()
        let root = TraceSpan(traceID: "ABCDEF0123456789ABCDEF0123456789", spanID: "00000000000000a1", service: "web", operation: "GET /", start: Timestamp(nanoseconds: 1_000), duration: 9_000, status: .ok, kind: .server)
        let child = TraceSpan(traceID: "abcdef0123456789abcdef0123456789", spanID: "00000000000000b2", parentSpanID: "00000000000000a1", service: "db", operation: "SELECT", start: Timestamp(nanoseconds: 2_000), duration: 3_000, status: .error, errorMessage: "timeout", kind: .client, attributesJSON: #"{"db.system":"postgres"}"#)
        let other = TraceSpan(traceID: "ffff", spanID: "01", service: "x", operation: "y", start: Timestamp(nanoseconds: 0), duration: 1)
        #expect(try store.append(EventBatch(spans: [child, root, other])).spansInserted == 3)
        #expect(try store.append(EventBatch(spans: [child, root])).spansInserted == 0)
        let spans = try store.spans(traceID: "abcdef0123456789ABCDEF0123456789")
        #expect(spans.map(\.spanID) == ["00000000000000a1", "00000000000000b2"])
        #expect(spans[1].parentSpanID == "00000000000000a1" && spans[1].status == .error && spans[1].kind == .client && spans[1].errorMessage == "timeout")
        #expect(spans[1].attributesJSON == #"{"db.system":"postgres"}"#)
        #expect(try store.spanCount() == 3)
    }

    @Test func aZipkinSharedSpanKeepsBothHalves() throws {
        let store = try InquestStore.inMemory()
        let client = TraceSpan(traceID: "t1", spanID: "s1", service: "front", operation: "call", start: Timestamp(nanoseconds: 0), duration: 10, kind: .client)
        let server = TraceSpan(traceID: "t1", spanID: "s1", service: "back", operation: "call", start: Timestamp(nanoseconds: 1), duration: 8, kind: .server)
        #expect(try store.append(EventBatch(spans: [client, server])).spansInserted == 2)
    }

    @Test func samplesSpansEventsAndCheckpointShareOneTransaction() throws {
        // Given a batch whose event insert fails (a checkpoint, samples and spans ride along)
        let store = try InquestStore.inMemory()
        try store.writer.write { db in
            try db.execute(sql: "CREATE TRIGGER refuse BEFORE INSERT ON event BEGIN SELECT RAISE(ABORT, 'refused'); END")
        }
        let batch = EventBatch(
            events: [StoreFixtures.event(1, ts: 5)], checkpoint: Checkpoint(key: "k", position: "9"),
            samples: points("cpu", count: 3), spans: [TraceSpan(traceID: "t", spanID: "s", service: "a", operation: "b", start: Timestamp(nanoseconds: 0), duration: 1)])
        // When it is appended
        #expect(throws: StoreError.self) { try store.append(batch) }
        // Then nothing of it is stored
        #expect(try store.sampleCount() == 0 && store.spanCount() == 0 && store.checkpoint(key: "k") == nil)
    }
}
