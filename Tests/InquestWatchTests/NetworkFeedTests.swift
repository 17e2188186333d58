import Foundation
import InquestCore
import InquestNet
import InquestStore
import Testing
@testable import InquestWatch

/// The network connectors as watcher feeds, over loopback only, on the real clock.
@Suite(.serialized) struct NetworkFeedTests {
    /// A port that was free a moment ago (bound, then released).
    func freePort() async throws -> UInt16 {
        let probe = LoopbackHTTPServer(port: 0) { _ in .text("") }
        let port = try await probe.start()
        await probe.stop()
        return port
    }

    func quickPolicy() -> SupervisorPolicy {
        SupervisorPolicy(backoff: BackoffPolicy(base: .milliseconds(50), cap: .milliseconds(200)), healthInterval: .milliseconds(100))
    }

    @Test func otlpFeedStoresPostedSpansUnderItsLease() async throws {
        let store = try InquestStore.inMemory()
        let port = try await freePort()
        let supervisor = FeedSupervisor(feeds: [OTLPReceiverFeed(name: "traces", port: Int(port))], store: store, policy: quickPolicy())
        let task = Task { await supervisor.run() }
        defer { task.cancel() }
        let body = """
            {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"checkout"}}]},
             "scopeSpans":[{"spans":[{"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"b7ad6b7169203331",
               "name":"POST /pay","startTimeUnixNano":"1700000000000000000","endTimeUnixNano":"1700000000250000000",
               "status":{"code":2,"message":"card declined"}}]}]}]}
            """
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/v1/traces"))
        var status = 0
        for _ in 0..<100 where status != 200 {
            status = (try? await URLSessionTransport().post(url, body: Data(body.utf8), headers: ["Content-Type": "application/json"]).status) ?? 0
            if status != 200 { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(status == 200)
        #expect(try store.spans(traceID: "0af7651916cd43dd8448eb211c80319c").first?.errorMessage == "card declined")
        #expect(await eventually { supervisor.health.first?.eventsTotal == 1 })
        #expect(supervisor.health.first?.state == .running)
    }

    @Test func scrapeFeedStoresSamplesAndStaysHealthy() async throws {
        let store = try InquestStore.inMemory()
        let exporter = try await MetricsEndpoint.serve(port: 0) {
            "# TYPE queue_depth gauge\nqueue_depth{queue=\"payments\"} 42\n"
        }
        let port = try #require(await exporter.port)
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/metrics"))
        let supervisor = FeedSupervisor(feeds: [PrometheusScrapeFeed(name: "exporter", url: url, interval: .milliseconds(200))], store: store, policy: quickPolicy())
        let task = Task { await supervisor.run() }
        #expect(await eventually { ((try? store.sampleCount()) ?? 0) >= 2 })
        task.cancel()
        await task.value
        await exporter.stop()
        #expect(try store.seriesID(name: "queue_depth", labels: ["queue": "payments"]) != nil)
        #expect(try store.feedHealth().first?.lastSuccess != nil)
    }

    @Test func watcherServesItsOwnMetricsOverHTTP() async throws {
        let store = try InquestStore.inMemory()
        let port = try await freePort()
        let watcher = Watcher(feeds: [FlakyFeed(name: "flaky", failures: 1)], store: store, policy: quickPolicy(), metricsPort: port, logger: InquestStore.silentLogger)
        let task = Task { await watcher.run() }
        defer { task.cancel() }
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/metrics"))
        var text = ""
        let failedOnce = #"inquest_feed_errors_total{feed="flaky",kind="document"} 1"#
        let upAgain = #"inquest_feed_up{feed="flaky",kind="document"} 1"#
        // Until both show: the error is counted before the restart (after its backoff) marks the
        // feed up again, and a loaded machine scraped in between.
        for _ in 0..<200 where !(text.contains(failedOnce) && text.contains(upAgain)) {
            if let response = try? await URLSessionTransport().get(url, headers: [:], timeout: 2), response.status == 200 {
                text = String(decoding: response.body, as: UTF8.self)
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(text.contains(failedOnce), "\(text)")
        #expect(text.contains(upAgain), "\(text)")
    }
}
