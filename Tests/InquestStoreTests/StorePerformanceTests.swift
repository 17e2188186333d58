import Foundation
import InquestCore
import InquestStore
import Testing

/// A measurement that is also a test: by default it runs on 20,000 events and checks the counts;
/// run it on purpose at scale, in release mode, to read the figures:
///
///     INQUEST_STORE_BENCH=1000000 swift test -c release --filter StorePerformance
///
/// It appends N realistic events (~120-byte message, ~210-byte raw, small attributes, 16-byte
/// dedupe key) in batches of 10,000 to a file store, indexes the full text, and times the first
/// page of a filtered window. It asserts counts only, never times.
@Suite("Store performance (INQUEST_STORE_BENCH=N sets the size)")
struct StorePerformanceTests {
    static let eventCount = ProcessInfo.processInfo.environment["INQUEST_STORE_BENCH"].flatMap(Int.init) ?? 20_000

    @Test func measureAppendIndexAndWindow() throws {
        let count = Self.eventCount
        let directory = (NSTemporaryDirectory() as NSString).appendingPathComponent("inquest-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try InquestStore.open(path: directory + "/bench.db")
        let batchSize = 10_000
        let batches = stride(from: 0, to: count, by: batchSize).map { start in
            (start..<min(count, start + batchSize)).map(Self.event)
        }
        let clock = ContinuousClock()

        var inserted = 0
        let cpuBeforeAppend = Self.cpuSeconds()
        let appendTime = try clock.measure {
            for (index, events) in batches.enumerated() {
                inserted += try store.append(EventBatch(events: events, checkpoint: Checkpoint(key: "bench", position: "\(index)"))).inserted
            }
        }
        let appendCPU = Self.cpuSeconds() - cpuBeforeAppend
        var indexed = 0
        let cpuBeforeIndex = Self.cpuSeconds()
        let indexTime = try clock.measure { indexed = try store.indexFullText() }
        let indexCPU = Self.cpuSeconds() - cpuBeforeIndex
        let errors = FilterSQL(whereClause: "event.severity >= ?", arguments: [.integer(3)], usesFullText: false)
        var firstPage: [EventSummary] = []
        let windowTime = try clock.measure { firstPage = try store.window(errors, anchor: .newest, limit: 100) }
        let oldestTime = try clock.measure { _ = try store.window(errors, anchor: .oldest, limit: 100) }
        let text = FilterSQL(
            whereClause: "event.id IN (SELECT rowid FROM fts.event_fts WHERE event_fts MATCH ?)",
            arguments: [.text("timeout AND gateway")], usesFullText: true)
        var textPage: [EventSummary] = []
        let textTime = try clock.measure { textPage = try store.window(text, anchor: .newest, limit: 100) }
        var histogram: [HistogramBucket] = []
        let histogramTime = try clock.measure {
            histogram = try store.histogram(
                errors, from: Self.event(0).timestamp, to: Self.event(count - 1).timestamp, buckets: 120)
        }
        let allHistogramTime = try clock.measure {
            _ = try store.histogram(.everything, from: Self.event(0).timestamp, to: Self.event(count - 1).timestamp, buckets: 120)
        }
        let countTime = try clock.measure { _ = try store.count(errors) }
        let positionTime = try clock.measure {
            if let cursor = firstPage.first?.cursor { _ = try store.position(of: cursor, in: errors) }
        }

        func rate(_ rows: Int, _ duration: Duration) -> Int {
            let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
            return seconds > 0 ? Int(Double(rows) / seconds) : 0
        }
        print("""
            store bench: \(count) events in batches of \(batchSize)
              append:        \(appendTime) -> \(rate(inserted, appendTime)) rows/s (CPU \(appendCPU) s -> \(Int(Double(inserted) / max(appendCPU, 1e-9))) rows/CPU-s)
              indexFullText: \(indexTime) -> \(rate(indexed, indexTime)) rows/s (CPU \(indexCPU) s)
              window(severity>=error, newest, 100): \(windowTime)
              window(severity>=error, oldest, 100): \(oldestTime)
              window(text 'timeout AND gateway', newest, 100): \(textTime)
              histogram(severity>=error, 120 buckets): \(histogramTime)
              histogram(everything, 120 buckets): \(allHistogramTime)
              count(severity>=error): \(countTime)
              position(severity>=error): \(positionTime)
            """)
        #expect(inserted == count)
        #expect(indexed == count)
        #expect(firstPage.count == 100)
        #expect(!textPage.isEmpty)
        #expect(histogram.count == 120)
    }

    /// User + system CPU time of this process so far (less sensitive than wall time to other load on the machine).
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        let system = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        return user + system
    }

    /// A native Swift string (what a parser produces), not a lazily bridged Foundation one.
    static func native(_ text: String) -> String { String(decoding: Array(text.utf8), as: UTF8.self) }

    private static let services = ["checkout", "payment", "cart", "catalog", "search", "auth", "inventory", "shipping", "orders", "api-gateway"]
    private static let templates = [
        "GET /api/v1/orders/%d completed in %dms for user u%d via upstream pool, cache hit ratio nominal, region eu-west-1",
        "payment gateway timeout after %dms while charging order %d, retrying with backoff (attempt %d of 3) now",
        "processed batch of %d items from queue orders-events in %dms; consumer lag %d messages, offsets committed",
        "connection pool stats active=%d idle=%d waiting=%d for order DB primary; no saturation detected yet",
    ]

    /// A deterministic event shaped like a JSON log line: one event per 50 ms.
    static func event(_ n: Int) -> Event {
        var state = UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state ^= state >> 29
            state = state &* 0xBF58_476D_1CE4_E5B9
            return Int(state % UInt64(bound))
        }
        let roll = next(100)
        let severity: Severity = roll < 2 ? .error : roll < 8 ? .warning : roll < 15 ? .debug : .info
        let service = services[next(services.count)]
        let template = templates[severity == .error ? 1 : next(templates.count)]
        let message = native(String(format: template, next(5000), next(90000), next(1000)))
        let timestamp = Timestamp(seconds: 1_795_000_000, nanos: Int64(n) * 50_000_000)
        let tsText = timestamp.iso8601
        let trace = native(String(format: "%016llx%016llx", UInt64(truncatingIfNeeded: n) &* 31, state))
        let raw = Array(#"{"ts":"\#(tsText)","level":"\#(severity.name)","service":"\#(service)","trace_id":"\#(trace)","msg":"\#(message.prefix(90))"}"#.utf8)
        return Event(
            timestamp: timestamp, timestampText: tsText, sourceKind: .log, sourceName: "app.jsonl", severity: severity,
            levelText: severity.name, service: service, host: "web-\(next(15))", message: message, traceID: trace,
            attributesJSON: #"{"status":\#(200 + next(4) * 100),"latency_ms":\#(next(3000))}"#, raw: raw,
            dedupeKey: DedupeKey(source: "app.jsonl", raw: raw, offset: Int64(n) * 211))
    }
}
