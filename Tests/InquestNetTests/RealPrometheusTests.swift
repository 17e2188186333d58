import Foundation
import InquestCore
import InquestNet
import InquestStore
import Testing

/// Starts Debian's real `prometheus` on a loopback port, scraping a fake exporter served by
/// ``MetricsEndpoint`` every second, and runs the query_range connector against it.
/// `.ci/run` installs the package; without the binary the suite is skipped and says why.
@Suite(
    "Real Prometheus on loopback",
    .enabled(if: RealPrometheus.binary != nil, "prometheus binary not found (apt-get install prometheus); CI installs it"),
    .serialized)
struct RealPrometheusTests {
    @Test func queryRangeAgainstARealPrometheusStoresTheScrapedGauge() async throws {
        // Given a fake exporter with a known gauge, and a real Prometheus scraping it every second
        let exporter = try await MetricsEndpoint.serve(port: 0) {
            "# HELP inquest_test_gauge A gauge the test knows.\n# TYPE inquest_test_gauge gauge\ninquest_test_gauge{shard=\"a\"} 42\n"
        }
        let exporterPort = try #require(await exporter.port)
        let prometheus = try await RealPrometheus.start(scraping: exporterPort)
        defer {
            prometheus.stop()
            Task { await exporter.stop() }
        }
        // When data exists (Prometheus answers the instant query), the connector fetches the last minute at 1 s steps
        try await prometheus.waitForSeries("inquest_test_gauge", deadline: NetTestSupport.timeout)
        let store = try InquestStore.inMemory()
        var connector = PrometheusQueryRangeConnector(
            baseURL: prometheus.baseURL, query: "inquest_test_gauge", stepSeconds: 1, lookbackSeconds: 60, timeout: NetTestSupport.timeout)
        let result = try await connector.fetch(until: .now(), store: store)

        // Then the gauge's samples are in the store under its name and labels, with its value
        #expect(result.samplesStored > 0)
        let series = try #require(try store.seriesList().first)
        #expect(series.name == "inquest_test_gauge")
        #expect(series.labels["shard"] == "a" && series.labels["job"] == "inquest-test" && series.labels["instance"] == "127.0.0.1:\(exporterPort)")
        let values = try store.samples(series: series.id, range: Timestamp(nanoseconds: 0)..<Timestamp(nanoseconds: .max)).map(\.value)
        #expect(!values.isEmpty && values.allSatisfy { $0 == 42 })

        // And a second fetch continues after the checkpoint without storing any sample twice
        try await Task.sleep(nanoseconds: 2_100_000_000)
        let more = try await connector.fetch(until: .now(), store: store)
        #expect(more.samplesRead == more.samplesStored)
        #expect(try store.sampleCount() == result.samplesStored + more.samplesStored)
    }

    @Test func aBadQueryIsReportedWithPrometheusOwnError() async throws {
        let prometheus = try await RealPrometheus.start(scraping: nil)
        defer { prometheus.stop() }
        try await prometheus.waitUntilReady(deadline: NetTestSupport.timeout)
        var connector = PrometheusQueryRangeConnector(baseURL: prometheus.baseURL, query: "sum(", stepSeconds: 1, lookbackSeconds: 10, timeout: NetTestSupport.timeout)
        do {
            _ = try await connector.fetch(until: .now(), store: try InquestStore.inMemory())
            Issue.record("a malformed query was accepted")
        } catch let error as NetError {
            guard case .prometheusAPI(_, let type, let message) = error else {
                Issue.record("expected the API's error, got \(error)")
                return
            }
            #expect(type == "bad_data")
            #expect(message.contains("parse error"))
        }
    }
}

/// One `prometheus` process with its own temporary storage, on a free loopback port.
final class RealPrometheus: Sendable {
    static let binary: String? = ["/usr/bin/prometheus", "/usr/local/bin/prometheus"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    let process: Process
    let directory: URL
    let baseURL: URL

    private init(process: Process, directory: URL, baseURL: URL) {
        self.process = process
        self.directory = directory
        self.baseURL = baseURL
    }

    /// Starts Prometheus; with `scraping`, it scrapes `127.0.0.1:port/metrics` every second as job `inquest-test`.
    static func start(scraping port: UInt16?) async throws -> RealPrometheus {
        let binary = try #require(binary)
        let directory = try NetTestSupport.temporaryDirectory("inquest-prometheus")
        var config = "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\nscrape_configs:\n"
        if let port {
            config += "  - job_name: inquest-test\n    static_configs:\n      - targets: ['127.0.0.1:\(port)']\n"
        }
        let configURL = directory.appendingPathComponent("prometheus.yml")
        try Data(config.utf8).write(to: configURL)
        let listenPort = try await freePort()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [
            "--config.file=\(configURL.path)",
            "--storage.tsdb.path=\(directory.appendingPathComponent("data").path)",
            "--web.listen-address=127.0.0.1:\(listenPort)",
            "--log.level=warn",
        ]
        let log = directory.appendingPathComponent("prometheus.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return RealPrometheus(process: process, directory: directory, baseURL: try #require(URL(string: "http://127.0.0.1:\(listenPort)")))
    }

    /// A port that was free a moment ago (bound and released by a throwaway server).
    static func freePort() async throws -> UInt16 {
        let probe = LoopbackHTTPServer(port: 0) { _ in .text("") }
        let port = try await probe.start()
        await probe.stop()
        return port
    }

    /// Polls `/-/ready` until it answers 200.
    func waitUntilReady(deadline seconds: Double) async throws {
        let transport = URLSessionTransport()
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let answer = try? await transport.get(baseURL.appendingPathComponent("-/ready"), timeout: 2), answer.status == 200 { return }
            try await Task.sleep(nanoseconds: 200_000_000)
        }
        throw Timeout(what: "Prometheus ready", log: logTail())
    }

    /// Polls the instant query API until `name` has a value.
    func waitForSeries(_ name: String, deadline seconds: Double) async throws {
        let transport = URLSessionTransport()
        let deadline = Date().addingTimeInterval(seconds)
        var components = URLComponents(url: baseURL.appendingPathComponent("api/v1/query"), resolvingAgainstBaseURL: false)
        components?.queryItems = [URLQueryItem(name: "query", value: name)]
        let url = try #require(components?.url)
        while Date() < deadline {
            if let answer = try? await transport.get(url, timeout: 2), answer.status == 200,
               let root = try? JSONSerialization.jsonObject(with: answer.body) as? [String: Any],
               let data = root["data"] as? [String: Any], let result = data["result"] as? [Any], !result.isEmpty {
                return
            }
            try await Task.sleep(nanoseconds: 250_000_000)
        }
        throw Timeout(what: "a sample of \(name)", log: logTail())
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: directory)
    }

    func logTail() -> String {
        let text = (try? String(contentsOf: directory.appendingPathComponent("prometheus.log"), encoding: .utf8)) ?? ""
        return String(text.suffix(2000))
    }

    struct Timeout: Error, CustomStringConvertible {
        var what: String
        var log: String
        var description: String { "timed out waiting for \(what); Prometheus log:\n\(log)" }
    }
}
