import Foundation
import InquestCore
import Testing

@testable import InquestParsers

@Suite("Jaeger trace parser")
struct JaegerTraceParserTests {
    static let trace = """
        {"traceID":"AB01","spans":[
          {"traceID":"AB01","spanID":"0000000000000002","operationName":"SELECT orders",
           "references":[{"refType":"CHILD_OF","traceID":"AB01","spanID":"0000000000000001"}],
           "startTime":1579070675085840,"duration":52,
           "tags":[{"key":"error","type":"bool","value":true},{"key":"span.kind","type":"string","value":"client"},
                   {"key":"db.rows","type":"int64","value":3}],
           "logs":[{"timestamp":1579070675085850,"fields":[{"key":"event","type":"string","value":"error"},
                   {"key":"message","type":"string","value":"deadlock detected"}]}],
           "processID":"p1"},
          {"traceID":"AB01","spanID":"0000000000000001","operationName":"GET /orders","references":[],
           "startTime":1579070675083000,"duration":4902,
           "tags":[{"key":"otel.status_code","type":"string","value":"ERROR"},
                   {"key":"otel.status_description","type":"string","value":"bad gateway"}],
           "processID":"p2"}],
         "processes":{"p1":{"serviceName":"orders-db","tags":[{"key":"hostname","type":"string","value":"db-7"}]},
                      "p2":{"serviceName":"api-gateway","tags":[]}}}
        """

    @Test("reads spans with process service and host, parent reference and microsecond times")
    func readsSpans() throws {
        let spans = try JaegerTraceParser.parse(TraceFixture.data(Self.trace))

        #expect(spans.count == 2)
        let query = spans[0]
        #expect(query.traceID == "ab01")
        #expect(query.parentSpanID == "0000000000000001")
        #expect(query.service == "orders-db")
        #expect(query.host == "db-7")
        #expect(query.start == Timestamp(nanoseconds: 1_579_070_675_085_840_000))
        #expect(query.duration == 52_000)
        #expect(query.kind == .client)
        #expect(query.eventCount == 1)
        #expect(query.attributesJSON == #"{"db.rows":3,"error":true,"span.kind":"client"}"#)
        #expect(spans[1].service == "api-gateway")
        #expect(spans[1].parentSpanID == nil)
    }

    @Test("detects errors from error=true and otel.status_code=ERROR, with their messages")
    func detectsErrors() throws {
        let spans = try JaegerTraceParser.parse(TraceFixture.data(Self.trace))
        #expect(spans[0].status == .error)
        #expect(spans[0].errorMessage == "deadlock detected")
        #expect(spans[1].status == .error)
        #expect(spans[1].errorMessage == "bad gateway")
    }

    @Test("reads the query API envelope {data: [trace, ...]}")
    func readsEnvelope() throws {
        let spans = try JaegerTraceParser.parse(TraceFixture.data(#"{"data":[\#(Self.trace),\#(Self.trace)],"total":2}"#))
        #expect(spans.count == 4)
    }

    @Test("a span whose process is unknown gets service unknown and no error")
    func unknownProcess() throws {
        let text = """
            {"traceID":"1","spans":[{"traceID":"1","spanID":"2","operationName":"x","startTime":1,"duration":1,
             "tags":[{"key":"error","type":"bool","value":false}],"processID":"p9"}],"processes":{}}
            """
        let spans = try JaegerTraceParser.parse(TraceFixture.data(text))
        #expect(spans[0].service == "unknown")
        #expect(spans[0].status == .unset)
    }

    @Test("names the path of a bad start time and of a missing spans array")
    func namesPaths() {
        let text = #"{"data":[{"traceID":"1","spans":[{"traceID":"1","spanID":"2","startTime":"noon"}]}]}"#
        #expect(throws: ParseError.notANumber(path: "data[0].spans[0].startTime", text: "noon")) {
            try JaegerTraceParser.parse(TraceFixture.data(text))
        }
        #expect(throws: ParseError.missingField(path: "data[0].spans")) {
            try JaegerTraceParser.parse(TraceFixture.data(#"{"data":[{"traceID":"1"}]}"#))
        }
    }
}
