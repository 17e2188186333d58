import Foundation
import InquestTestSupport
import InquestCore
import InquestNet
import InquestStore
import Testing

@Suite("OTLP/HTTP JSON receiver over loopback")
struct OTLPReceiverTests {
    private func startReceiver(_ store: InquestStore) async throws -> (LoopbackHTTPServer, URL, OTLPReceiver) {
        let receiver = OTLPReceiver(store: store)
        let server = LoopbackHTTPServer(port: 0, handler: receiver.handle)
        let port = try await server.start()
        return (server, try #require(URL(string: "http://127.0.0.1:\(port)")), receiver)
    }

    @Test(.enabled(if: SharedCorpus.isAvailable, SharedCorpus.skipReason))
    func theRealOTLPExampleIsStoredOnceAndAnsweredWithAnEmptyObject() async throws {
        // Given the receiver and the OTLP project's example trace
        let store = try InquestStore.inMemory()
        let (server, base, receiver) = try await startReceiver(store)
        let body = try SharedCorpus.requireData("otlp/opentelemetry-proto/examples/trace.json")
        let transport = URLSessionTransport()
        // When it is posted twice
        let first = try await transport.post(base.appendingPathComponent("v1/traces"), body: body, headers: ["Content-Type": "application/json"], timeout: NetTestSupport.timeout)
        let second = try await transport.post(base.appendingPathComponent("v1/traces"), body: body, headers: ["Content-Type": "application/json"], timeout: NetTestSupport.timeout)
        await server.stop()
        // Then both answers are 200 {} and its span is stored once, readable by trace id
        #expect(first.status == 200 && String(decoding: first.body, as: UTF8.self) == "{}")
        #expect(second.status == 200)
        #expect(try store.spanCount() == 1)
        let span = try #require(try store.spans(traceID: "5b8efff798038103d269b633813fc60c").first)
        #expect(span.service == "my.service" && span.operation == "I'm a server span" && span.kind == .server)
        #expect(span.duration == 1_000_000_000)
        #expect(receiver.counts.accepted == 2 && receiver.counts.spansStored == 1)
    }

    @Test func anErrorSpanBecomesAnEventWithItsTraceID() async throws {
        let store = try InquestStore.inMemory()
        let (server, base, _) = try await startReceiver(store)
        let body = """
            {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"checkout"}}]},
             "scopeSpans":[{"spans":[{"traceId":"0af7651916cd43dd8448eb211c80319c","spanId":"b7ad6b7169203331",
               "name":"POST /pay","startTimeUnixNano":"1700000000000000000","endTimeUnixNano":"1700000000250000000",
               "status":{"code":2,"message":"card declined"}}]}]}]}
            """
        let response = try await URLSessionTransport().post(base.appendingPathComponent("v1/traces"), body: Data(body.utf8), headers: ["Content-Type": "application/json"], timeout: NetTestSupport.timeout)
        await server.stop()
        #expect(response.status == 200)
        let summary = try #require(try store.window(.everything, anchor: .oldest, limit: 5).first)
        let event = try #require(try store.event(id: summary.id))
        #expect(event.sourceKind == .trace && event.severity == .error)
        #expect(event.traceID == "0af7651916cd43dd8448eb211c80319c" && event.service == "checkout")
        #expect(try store.spans(traceID: "0af7651916cd43dd8448eb211c80319c").first?.errorMessage == "card declined")
    }

    @Test func aMalformedBodyIs400NamingTheFieldAndIsDeadLettered() async throws {
        let store = try InquestStore.inMemory()
        let (server, base, receiver) = try await startReceiver(store)
        let body = #"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"zz-not-hex","spanId":"b7ad6b7169203331","name":"x","startTimeUnixNano":"1","endTimeUnixNano":"2"}]}]}]}"#
        let response = try await URLSessionTransport().post(base.appendingPathComponent("v1/traces"), body: Data(body.utf8), headers: ["Content-Type": "application/json"], timeout: NetTestSupport.timeout)
        await server.stop()
        #expect(response.status == 400)
        let answer = try #require(try JSONSerialization.jsonObject(with: response.body) as? [String: Any])
        #expect(answer["code"] as? Int == 3)
        #expect((answer["message"] as? String)?.contains("traceId") == true)
        let letter = try #require(try store.deadLetters().first)
        #expect(letter.raw == Array(body.utf8) && letter.reason.contains("traceId"))
        #expect(try receiver.counts.rejected == 1 && store.spanCount() == 0)
    }

    @Test(.enabled(if: SharedCorpus.isAvailable, SharedCorpus.skipReason))
    func theRealOTLPLogExampleBecomesOneLogEventStoredOnce() async throws {
        let store = try InquestStore.inMemory()
        let (server, base, _) = try await startReceiver(store)
        let body = try SharedCorpus.requireData("otlp/opentelemetry-proto/examples/logs.json")
        let transport = URLSessionTransport()
        let first = try await transport.post(base.appendingPathComponent("v1/logs"), body: body, headers: ["Content-Type": "application/json"], timeout: NetTestSupport.timeout)
        let second = try await transport.post(base.appendingPathComponent("v1/logs"), body: body, headers: ["Content-Type": "application/json"], timeout: NetTestSupport.timeout)
        await server.stop()
        #expect(first.status == 200 && second.status == 200)
        let summaries = try store.window(.everything, anchor: .oldest, limit: 5)
        #expect(summaries.count == 1)
        let summary = try #require(summaries.first)
        let event = try #require(try store.event(id: summary.id))
        #expect(event.sourceKind == .log && event.message == "Example log record" && event.traceID == "5b8efff798038103d269b633813fc60c")
    }

    @Test func wrongPathMethodAndMediaTypeAreRefusedClearly() async throws {
        let store = try InquestStore.inMemory()
        let (server, base, _) = try await startReceiver(store)
        let transport = URLSessionTransport()
        let protobuf = try await transport.post(base.appendingPathComponent("v1/traces"), body: Data([0x0A, 0x00]), headers: ["Content-Type": "application/x-protobuf"], timeout: NetTestSupport.timeout)
        let get = try await transport.get(base.appendingPathComponent("v1/traces"), timeout: NetTestSupport.timeout)
        let elsewhere = try await transport.post(base.appendingPathComponent("v2/spans"), body: Data("{}".utf8), headers: ["Content-Type": "application/json"], timeout: NetTestSupport.timeout)
        await server.stop()
        #expect(protobuf.status == 415 && get.status == 405 && elsewhere.status == 404)
        #expect(String(decoding: protobuf.body, as: UTF8.self).contains("application/json"))
        #expect(try store.deadLetterCount() == 0)
    }
}
