import Foundation
import InquestCore
import InquestNet
import InquestStore
import Synchronization
import Testing

@Suite("Prometheus query_range client against a scripted server")
struct PrometheusQueryRangeTests {
    static let matrix = """
        {"status":"success","data":{"resultType":"matrix","result":[
          {"metric":{"__name__":"up","job":"node","instance":"127.0.0.1:9100"},"values":[[1700000000,"1"],[1700000015,"0"],[1700000030,"NaN"]]},
          {"metric":{"job":"api"},"values":[[1700000000.5,"2.5e3"]]}
        ]}}
        """

    @Test func decodesAMatrixNamingSeriesByNameOrQuery() throws {
        let samples = try PrometheusMatrixDecoder.samples(from: Data(Self.matrix.utf8), status: 200, url: "u", query: "sum by (job) (x)")
        #expect(samples.count == 4)
        #expect(samples[0].series == "up" && samples[0].labels == ["job": "node", "instance": "127.0.0.1:9100"])
        #expect(samples[1].value == 0 && samples[2].value.isNaN)
        #expect(samples[3].series == "sum by (job) (x)" && samples[3].value == 2500)
        #expect(samples[3].timestamp == Timestamp(nanoseconds: 1_700_000_000_500_000_000))
    }

    @Test func anAPIErrorBodyIsSurfacedWithItsTypeAndMessage() throws {
        let body = #"{"status":"error","errorType":"bad_data","error":"1:5: parse error: unclosed left parenthesis"}"#
        #expect(throws: NetError.prometheusAPI(url: "u", errorType: "bad_data", message: "1:5: parse error: unclosed left parenthesis")) {
            try PrometheusMatrixDecoder.samples(from: Data(body.utf8), status: 400, url: "u", query: "sum(")
        }
    }

    @Test func aWrongShapeNamesTheField() throws {
        let body = #"{"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[1,2]]}]}}"#
        #expect(throws: NetError.malformedResponse(url: "u", field: "data.result[0].values[0]", reason: "expected [unix seconds, \"value\"]")) {
            try PrometheusMatrixDecoder.samples(from: Data(body.utf8), status: 200, url: "u", query: "q")
        }
        let vector = #"{"status":"success","data":{"resultType":"vector","result":[]}}"#
        #expect(throws: NetError.self) { try PrometheusMatrixDecoder.samples(from: Data(vector.utf8), status: 200, url: "u", query: "q") }
        #expect(throws: NetError.httpStatus(url: "u", status: 502, body: "bad gateway")) {
            try PrometheusMatrixDecoder.samples(from: Data("bad gateway".utf8), status: 502, url: "u", query: "q")
        }
    }

    @Test func aLongRangeIsSplitBelowTheServerPointLimit() throws {
        let range = PrometheusQueryRange(query: "up", start: NetTestSupport.time(0), end: NetTestSupport.time(86_400), stepSeconds: 1)
        let pieces = range.split()
        #expect(pieces.count == 9)
        #expect(pieces.first?.start == range.start && pieces.last?.end == range.end)
        for (left, right) in zip(pieces, pieces.dropFirst()) {
            #expect(right.start.nanoseconds == left.end.nanoseconds + 1_000_000_000)
        }
        let url = try range.url(base: try #require(URL(string: "http://127.0.0.1:9090")))
        #expect(url.absoluteString == "http://127.0.0.1:9090/api/v1/query_range?query=up&start=0.000&end=86400.000&step=1.000")
        let plus = try PrometheusQueryRange(query: "a + b", start: NetTestSupport.time(0), end: NetTestSupport.time(1), stepSeconds: 1)
            .url(base: try #require(URL(string: "http://h")))
        #expect(plus.absoluteString.contains("query=a%20%2B%20b"))
    }

    @Test func fetchesFromTheCheckpointOnAndStoresEachSampleOnce() async throws {
        // Given a server answering every query_range with the same fixed matrix and recording the ranges asked
        let asked = Mutex<[String]>([])
        let server = LoopbackHTTPServer(port: 0) { request in
            asked.withLock { $0.append("\(request.queryValue("start") ?? "")-\(request.queryValue("end") ?? "")") }
            return .json(Self.matrix)
        }
        let port = try await server.start()
        defer { Task { await server.stop() } }
        let store = try InquestStore.inMemory()
        var connector = PrometheusQueryRangeConnector(
            baseURL: try #require(URL(string: "http://127.0.0.1:\(port)")), query: "up", stepSeconds: 15, lookbackSeconds: 60, timeout: NetTestSupport.timeout)

        // When it fetches twice, 30 s apart
        let first = try await connector.fetch(until: NetTestSupport.time(1_700_000_060), store: store)
        let second = try await connector.fetch(until: NetTestSupport.time(1_700_000_090), store: store)

        // Then the second range starts one step after the first one's end, and nothing is stored twice
        #expect(asked.withLock { $0 } == ["1700000000.000-1700000060.000", "1700000075.000-1700000090.000"])
        #expect(first.samplesStored == 4 && second.samplesStored == 0)
        #expect(try store.sampleCount() == 4)
        #expect(try store.checkpoint(key: connector.checkpointKey)?.position == "1700000090000000000")
    }

    @Test func anUnreachableServerFailsWithoutStoringACheckpoint() async throws {
        let server = LoopbackHTTPServer(port: 0) { _ in .text("") }
        let port = try await server.start()
        await server.stop()
        let store = try InquestStore.inMemory()
        var connector = PrometheusQueryRangeConnector(
            baseURL: try #require(URL(string: "http://127.0.0.1:\(port)")), query: "up", timeout: 2)
        await #expect(throws: NetError.self) { try await connector.fetch(until: .now(), store: store) }
        #expect(try store.checkpoint(key: connector.checkpointKey) == nil)
    }
}
