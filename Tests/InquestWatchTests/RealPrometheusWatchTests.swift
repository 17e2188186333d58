import Foundation
import InquestCore
import InquestNet
import InquestStore
import Testing
@testable import InquestWatch

/// The whole loop with Debian's real `prometheus` on loopback: it scrapes one watcher's own
/// `/metrics`, and another watcher's `prometheus-query` feed reads that series back through
/// `query_range` into its store. `.ci/run` installs the package; without it the suite is skipped.
@Suite(
    .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/prometheus"), "prometheus not installed (apt-get install prometheus); CI installs it"),
    .serialized)
struct RealPrometheusWatchTests {
    func freePort() async throws -> UInt16 {
        let probe = LoopbackHTTPServer(port: 0) { _ in .text("") }
        let port = try await probe.start()
        await probe.stop()
        return port
    }

    @Test func prometheusScrapesTheWatcherAndAQueryFeedReadsItBack() async throws {
        // Given a watcher serving its metrics, with one feed storing events
        let metricsPort = try await freePort()
        let watched = try InquestStore.inMemory()
        let watcher = Watcher(feeds: [FlakyFeed(name: "flaky", failures: 0)], store: watched, metricsPort: metricsPort, logger: InquestStore.silentLogger)
        let watching = Task { await watcher.run() }
        defer { watching.cancel() }

        // And a real Prometheus scraping it every second
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("prometheus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let config = "global:\n  scrape_interval: 1s\nscrape_configs:\n  - job_name: inquest-watch\n    static_configs:\n      - targets: ['127.0.0.1:\(metricsPort)']\n"
        try Data(config.utf8).write(to: directory.appendingPathComponent("prometheus.yml"))
        let prometheusPort = try await freePort()
        let prometheus = Process()
        prometheus.executableURL = URL(fileURLWithPath: "/usr/bin/prometheus")
        prometheus.arguments = [
            "--config.file=\(directory.appendingPathComponent("prometheus.yml").path)",
            "--storage.tsdb.path=\(directory.appendingPathComponent("data").path)",
            "--web.listen-address=127.0.0.1:\(prometheusPort)", "--log.level=error",
        ]
        prometheus.standardOutput = FileHandle.nullDevice
        prometheus.standardError = FileHandle.nullDevice
        try prometheus.run()
        defer {
            prometheus.terminate()
            prometheus.waitUntilExit()
        }

        // When a second watcher's prometheus-query feed polls it every second
        let reader = try InquestStore.inMemory()
        let url = try #require(URL(string: "http://127.0.0.1:\(prometheusPort)"))
        let feed = PrometheusQueryFeed(name: "self", url: url, query: "inquest_feed_events_total", step: .seconds(1), interval: .seconds(1))
        let policy = SupervisorPolicy(backoff: BackoffPolicy(base: .milliseconds(200), cap: .seconds(1)), failureThreshold: 100)
        let supervisor = FeedSupervisor(feeds: [feed], store: reader, policy: policy)
        let reading = Task { await supervisor.run() }
        defer { reading.cancel() }

        // Then the watcher's own counter arrives as a stored series with its feed label
        var series: MetricSeriesInfo?
        let deadline = Date().addingTimeInterval(90)
        while series == nil, Date() < deadline {
            try await Task.sleep(for: .milliseconds(250))
            series = try reader.seriesList().first { $0.name == "inquest_feed_events_total" && $0.labels["feed"] == "flaky" }
        }
        let found = try #require(series, "no inquest_feed_events_total series after 90 s; query feed health: \(supervisor.health)")
        #expect(found.labels["job"] == "inquest-watch")
        let values = try reader.samples(series: found.id, range: Timestamp(nanoseconds: 0)..<Timestamp(nanoseconds: .max)).map(\.value)
        #expect(!values.isEmpty && values.allSatisfy { $0 >= 1 })
    }
}
