import Foundation
import InquestCore
import Testing

@testable import InquestParsers

@Suite("OTLP trace parser")
struct OTLPTraceParserTests {
    static let twoScopes = """
        {"resourceSpans":[{"resource":{"attributes":[
            {"key":"service.name","value":{"stringValue":"checkout"}},
            {"key":"host.name","value":{"stringValue":"web-1"}}]},
          "scopeSpans":[{"scope":{"name":"a"},"spans":[
            {"traceId":"5B8EFFF798038103D269B633813FC60C","spanId":"EEE19B7EC3C1B174","parentSpanId":"",
             "name":"GET /api/orders","startTimeUnixNano":"1544712660000000000","endTimeUnixNano":1544712660123400000,
             "kind":"SPAN_KIND_SERVER","status":{"code":2,"message":"upstream timeout"},
             "events":[{"name":"retry"}],
             "attributes":[
               {"key":"s","value":{"stringValue":"x"}},
               {"key":"b","value":{"boolValue":true}},
               {"key":"i","value":{"intValue":"42"}},
               {"key":"d","value":{"doubleValue":1.5}},
               {"key":"a","value":{"arrayValue":{"values":[{"intValue":1},{"stringValue":"two"}]}}},
               {"key":"k","value":{"kvlistValue":{"values":[{"key":"inner","value":{"boolValue":false}}]}}},
               {"key":"y","value":{"bytesValue":"AQI="}}]}]},
          {"scope":{"name":"b"},"spans":[
            {"traceId":"W47/95gDgQPSabYzgT/GDA==","spanId":"7uGbfsPBsXU=","parentSpanId":"EEE19B7EC3C1B174",
             "name":"SELECT","startTimeUnixNano":1544712660010000000,"endTimeUnixNano":"1544712660020000000",
             "kind":3,"status":{"code":"STATUS_CODE_OK"}}]}]}]}
        """

    @Test("reads spans of every scope with service, host, ids, times, kind and status")
    func readsSpansOfEveryScope() throws {
        let spans = try OTLPTraceParser.parse(TraceFixture.data(Self.twoScopes))

        #expect(spans.count == 2)
        let server = spans[0]
        #expect(server.traceID == "5b8efff798038103d269b633813fc60c")
        #expect(server.spanID == "eee19b7ec3c1b174")
        #expect(server.parentSpanID == nil)
        #expect(server.service == "checkout")
        #expect(server.host == "web-1")
        #expect(server.operation == "GET /api/orders")
        #expect(server.start == Timestamp(nanoseconds: 1_544_712_660_000_000_000))
        #expect(server.duration == 123_400_000)
        #expect(server.kind == .server)
        #expect(server.status == .error)
        #expect(server.errorMessage == "upstream timeout")
        #expect(server.eventCount == 1)
        let child = spans[1]
        #expect(child.traceID == server.traceID, "base64 trace id decodes to the same hex")
        #expect(child.spanID == "eee19b7ec3c1b175")
        #expect(child.parentSpanID == "eee19b7ec3c1b174")
        #expect(child.kind == .client)
        #expect(child.status == .ok)
        #expect(child.duration == 10_000_000)
    }

    @Test("converts attribute values of every AnyValue kind")
    func convertsEveryAnyValueKind() throws {
        let spans = try OTLPTraceParser.parse(TraceFixture.data(Self.twoScopes))
        #expect(
            spans[0].attributesJSON
                == #"{"a":[1,"two"],"b":true,"d":1.5,"i":42,"k":{"inner":false},"s":"x","y":"AQI="}"#)
        #expect(spans[1].attributesJSON == "{}")
    }

    @Test("reads the pre-1.0 instrumentationLibrarySpans layout and a missing service.name")
    func readsInstrumentationLibrarySpans() throws {
        let text = """
            {"resourceSpans":[{"resource":{},"instrumentationLibrarySpans":[{"spans":[
              {"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"0102030405060708",
               "name":"work","startTimeUnixNano":"10","endTimeUnixNano":"30","status":{"code":"STATUS_CODE_ERROR"}}]}]}]}
            """
        let spans = try OTLPTraceParser.parse(TraceFixture.data(text))
        #expect(spans.count == 1)
        #expect(spans[0].service == "unknown")
        #expect(spans[0].status == .error)
        #expect(spans[0].errorMessage == nil)
        #expect(spans[0].duration == 20)
    }

    @Test("takes the error message from an exception event when the status has none")
    func takesExceptionMessage() throws {
        let text = """
            {"resourceSpans":[{"scopeSpans":[{"spans":[
              {"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"0102030405060708","name":"pay",
               "startTimeUnixNano":"10","endTimeUnixNano":"30","status":{"code":2},
               "events":[{"name":"exception","attributes":[{"key":"exception.message","value":{"stringValue":"card declined"}}]}]}]}]}]}
            """
        let spans = try OTLPTraceParser.parse(TraceFixture.data(text))
        #expect(spans[0].errorMessage == "card declined")
    }

    @Test("names the JSON path of a start time that is not a number")
    func namesPathOfBadStartTime() {
        let text = """
            {"resourceSpans":[{"scopeSpans":[{"spans":[]},{"spans":[
              {"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"0102030405060708","startTimeUnixNano":"soon"}]}]}]}
            """
        #expect(throws: ParseError.notANumber(path: "resourceSpans[0].scopeSpans[1].spans[0].startTimeUnixNano", text: "soon")) {
            try OTLPTraceParser.parse(TraceFixture.data(text))
        }
    }

    @Test("rejects bad JSON, a missing id and a bad id with located errors")
    func rejectsBadInput() {
        #expect(throws: ParseError.self) { try OTLPTraceParser.parse(TraceFixture.data("{\"resourceSpans\":[")) }
        #expect(throws: ParseError.missingField(path: "resourceSpans[0].scopeSpans[0].spans[0].spanId")) {
            try OTLPTraceParser.parse(TraceFixture.data(#"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"01"}]}]}]}"#))
        }
        #expect(throws: ParseError.invalidID(path: "resourceSpans[0].scopeSpans[0].spans[0].traceId", text: "xyz!")) {
            try OTLPTraceParser.parse(
                TraceFixture.data(#"{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"xyz!","spanId":"01"}]}]}]}"#))
        }
        #expect(throws: ParseError.unrecognizedLayout(format: "OTLP/JSON", expected: "an object with `resourceSpans`")) {
            try OTLPTraceParser.parse(TraceFixture.data("[]"))
        }
    }

    @Test("error descriptions lead with the path")
    func errorDescriptionLeadsWithPath() {
        let error = ParseError.notANumber(path: "resourceSpans[0].scopeSpans[1].spans[3].startTimeUnixNano", text: "x")
        #expect(error.description.hasPrefix("resourceSpans[0].scopeSpans[1].spans[3].startTimeUnixNano: not a number"))
        #expect(error.path == "resourceSpans[0].scopeSpans[1].spans[3].startTimeUnixNano")
    }
}
