import Foundation
import InquestCore
import InquestNet
import InquestStore
import Synchronization
import Testing

@Suite("Scraping a Prometheus text endpoint over loopback")
struct PrometheusScraperTests {
    @Test func storesSamplesOfEachScrapeAndDeadLettersBadLines() async throws {
        // Given an exporter with a gauge, a labelled counter and one broken line
        let exporter = try await MetricsEndpoint.serve(port: 0) {
            """
            # HELP queue_depth Items waiting.
            # TYPE queue_depth gauge
            queue_depth 7
            # TYPE requests_total counter
            requests_total{code="200"} 1027
            requests_total{code="500"} 3
            this line is { broken
            """
        }
        let port = try #require(await exporter.port)
        let store = try InquestStore.inMemory()
        var scraper = PrometheusScraper(url: try #require(URL(string: "http://127.0.0.1:\(port)/metrics")), timeout: NetTestSupport.timeout)

        // When it is scraped twice at two times, and the second time again
        let first = try await scraper.scrape(at: NetTestSupport.time(1000), store: store)
        let second = try await scraper.scrape(at: NetTestSupport.time(1015), store: store)
        let repeated = try await scraper.scrape(at: NetTestSupport.time(1015), store: store)
        await exporter.stop()

        // Then three series have two samples each; the broken line is one dead letter per scrape time
        #expect(first.samplesStored == 3 && second.samplesStored == 3 && repeated.samplesStored == 0)
        #expect(try store.seriesList().map(\.sampleCount) == [2, 2, 2])
        #expect(try store.seriesList().map(\.name) == ["queue_depth", "requests_total", "requests_total"])
        #expect(first.deadLetters == 1)
        let letter = try #require(try store.deadLetters().first)
        #expect(String(decoding: letter.raw, as: UTF8.self) == "this line is { broken")
        #expect(letter.location.hasSuffix(":7"))
        #expect(try store.checkpoint(key: scraper.checkpointKey)?.position == "1015000000000")
    }

    @Test func aSpikeInAScrapedGaugeBecomesOneMetricEvent() async throws {
        // Given a gauge that is steady for 200 scrapes (past the detector's warm-up), spikes for 5, then is steady again
        let scrapeIndex = Mutex(0)
        let exporter = try await MetricsEndpoint.serve(port: 0) {
            let index = scrapeIndex.withLock { $0 }
            let value = (200..<205).contains(index) ? 900.0 : 100.0 + Double(index % 3)
            return "latency_ms \(value)\n"
        }
        let port = try #require(await exporter.port)
        let store = try InquestStore.inMemory()
        var scraper = PrometheusScraper(url: try #require(URL(string: "http://127.0.0.1:\(port)/metrics")), timeout: NetTestSupport.timeout)
        // When it is scraped every 15 s (simulated times)
        var events = 0
        for index in 0..<300 {
            scrapeIndex.withLock { $0 = index }
            events += try await scraper.scrape(at: NetTestSupport.time(1_700_000_000 + Double(index) * 15), store: store).eventsStored
        }
        await exporter.stop()
        // Then the excursion is one metric event and every sample is stored
        #expect(events == 1)
        #expect(try store.sampleCount() == 300)
        let event = try #require(try store.window(.everything, anchor: .oldest, limit: 5).first)
        // (no label names a service, so the event names none; the series is in its message)
        #expect(event.sourceKind == .metric && event.service == nil && event.message.contains("latency_ms"))
        #expect(event.timestamp == NetTestSupport.time(1_700_000_000 + 200 * 15))
    }

    @Test func aFailingEndpointThrowsAndStoresNothing() async throws {
        let server = LoopbackHTTPServer(port: 0) { _ in .text("down for maintenance", status: 503) }
        let port = try await server.start()
        let store = try InquestStore.inMemory()
        var scraper = PrometheusScraper(url: try #require(URL(string: "http://127.0.0.1:\(port)/metrics")), timeout: NetTestSupport.timeout)
        await #expect(throws: NetError.httpStatus(url: "http://127.0.0.1:\(port)/metrics", status: 503, body: "down for maintenance")) {
            try await scraper.scrape(at: .now(), store: store)
        }
        await server.stop()
        #expect(try store.sampleCount() == 0 && store.checkpoint(key: scraper.checkpointKey) == nil)
    }
}
