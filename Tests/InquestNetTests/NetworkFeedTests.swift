import Foundation
import InquestCore
import InquestNet
import InquestStore
import InquestWatch
import Synchronization
import Testing

@Suite("Network feeds under the watcher's Feed protocol")
struct NetworkFeedTests {
    /// Polls `condition` every 20 ms for up to `seconds`.
    private func eventually(_ seconds: Double = 10, _ condition: () throws -> Bool) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try condition() { return true }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        return try condition()
    }

    @Test func theConfigKindsBecomeNetworkFeeds() throws {
        let config = try WatchConfig.parse("""
            feeds:
              - name: node
                kind: prometheus-scrape
                url: http://127.0.0.1:9100/metrics
                interval: 5s
              - name: latency
                kind: prometheus-query
                url: http://127.0.0.1:9090
                query: histogram_quantile(0.99, rate(x_bucket[5m]))
                step: 30s
              - name: traces
                kind: otlp
                port: 4319
            """, path: "watch.yaml")
        let feeds = try config.makeFeeds(network: NetworkFeeds.make)
        #expect(feeds.map(\.kind) == [.prometheusScrape, .prometheusQuery, .otlp])
        let query = try #require(feeds[1] as? PrometheusQueryRangeFeed)
        #expect(query.step == .seconds(30) && query.query.hasPrefix("histogram_quantile"))
        #expect((feeds[2] as? OTLPReceiverFeed)?.port == 4319)
        // Without the network builder they stay a located config error
        #expect(throws: WatchError.self) { try config.makeFeeds() }
    }

    @Test func aBadURLIsAConfigErrorNamingTheLine() throws {
        let config = try WatchConfig.parse("feeds:\n  - name: node\n    kind: prometheus-scrape\n    url: not a url\n", path: "w.yaml")
        #expect(throws: WatchError.invalidConfig(path: "w.yaml", line: 2, field: "url", reason: "\"not a url\" is not an http(s) URL, e.g. http://127.0.0.1:9090")) {
            try config.makeFeeds(network: NetworkFeeds.make)
        }
    }

    @Test func theScrapeFeedCommitsThroughItsContextUntilCancelled() async throws {
        let exporter = try await MetricsEndpoint.serve(port: 0) { "queue_depth 3\n" }
        let port = try #require(await exporter.port)
        let store = try InquestStore.inMemory()
        let context = FeedContext(feedName: "node", store: store)
        let feed = PrometheusScrapeFeed(name: "node", url: try #require(URL(string: "http://127.0.0.1:\(port)/metrics")), interval: .milliseconds(30))
        let task = Task { try await feed.run(context) }
        let arrived = try await eventually { try store.sampleCount() >= 3 }
        task.cancel()
        _ = await task.result
        await exporter.stop()
        #expect(arrived)
        #expect(context.progress.batches >= 3)
        #expect(try store.checkpoint(key: "prometheus-scrape:http://127.0.0.1:\(port)/metrics") != nil)
    }

    @Test func theQueryFeedPullsUpToOneStepAgoAndReportsLag() async throws {
        let asked = Mutex<[String]>([])
        let server = LoopbackHTTPServer(port: 0) { request in
            asked.withLock { $0.append(request.queryValue("end") ?? "") }
            let now = Double(Timestamp.now().nanoseconds) / 1e9
            return .json(#"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"__name__":"up"},"values":[[\#(Int(now) - 20),"1"]]}]}}"#)
        }
        let port = try await server.start()
        let store = try InquestStore.inMemory()
        let context = FeedContext(feedName: "up", store: store)
        let feed = PrometheusQueryRangeFeed(
            name: "up", baseURL: try #require(URL(string: "http://127.0.0.1:\(port)")), query: "up",
            step: .seconds(1), interval: .milliseconds(50), lookback: .seconds(60))
        let task = Task { try await feed.run(context) }
        let stored = try await eventually { try store.sampleCount() >= 1 }
        task.cancel()
        _ = await task.result
        await server.stop()
        #expect(stored)
        let firstAsked = try #require(asked.withLock { $0.first })
        let firstEnd = try #require(Double(firstAsked))
        #expect(firstEnd <= Double(Timestamp.now().nanoseconds) / 1e9 - 0.9)
        guard case .seconds(let lag)? = context.progress.lag else {
            Issue.record("no lag reported")
            return
        }
        #expect(lag >= 1 && lag < 30)
    }

    @Test func theOTLPFeedReceivesWhileRunningAndStopsListeningWhenCancelled() async throws {
        let port = try await RealPrometheus.freePort()
        let store = try InquestStore.inMemory()
        let context = FeedContext(feedName: "traces", store: store)
        let feed = OTLPReceiverFeed(name: "traces", port: port)
        let task = Task { try await feed.run(context) }
        let url = try #require(URL(string: "http://127.0.0.1:\(port)/v1/traces"))
        let body = try NetTestSupport.corpusData("otlp/opentelemetry-proto/examples/trace.json")
        var answer: HTTPResponseMessage?
        let deadline = Date().addingTimeInterval(10)
        while answer == nil && Date() < deadline {
            answer = try? await URLSessionTransport().post(url, body: body, headers: ["Content-Type": "application/json"], timeout: 2)
            if answer == nil { try await Task.sleep(nanoseconds: 50_000_000) }
        }
        #expect(answer?.status == 200)
        #expect(try store.spanCount() == 1)
        #expect(context.progress.batches == 1)
        task.cancel()
        _ = await task.result
        await #expect(throws: NetError.self) {
            try await URLSessionTransport().post(url, body: body, headers: ["Content-Type": "application/json"], timeout: 2)
        }
    }
}
