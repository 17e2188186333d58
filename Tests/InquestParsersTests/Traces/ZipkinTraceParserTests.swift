import Foundation
import InquestCore
import Testing

@testable import InquestParsers

@Suite("Zipkin trace parser")
struct ZipkinTraceParserTests {
    @Test("reads a span array with endpoints, tags, kind and annotations")
    func readsSpanArray() throws {
        let text = """
            [{"traceId":"4D1E00C0DB9010DB86154A4BA6E91385","id":"4d1e00c0db9010db","parentId":"86154a4ba6e91385",
              "kind":"CLIENT","name":"get /users","timestamp":1472470996199000,"duration":207000,
              "localEndpoint":{"serviceName":"frontend","ipv4":"10.0.0.1"},
              "annotations":[{"timestamp":1472470996200000,"value":"ws"}],"tags":{"http.path":"/users"}}]
            """
        let spans = try ZipkinTraceParser.parse(TraceFixture.data(text))

        #expect(spans.count == 1)
        let span = spans[0]
        #expect(span.traceID == "4d1e00c0db9010db86154a4ba6e91385")
        #expect(span.parentSpanID == "86154a4ba6e91385")
        #expect(span.service == "frontend")
        #expect(span.host == "10.0.0.1")
        #expect(span.kind == .client)
        #expect(span.start == Timestamp(nanoseconds: 1_472_470_996_199_000_000))
        #expect(span.duration == 207_000_000)
        #expect(span.eventCount == 1)
        #expect(span.status == .unset)
        #expect(span.attributesJSON == #"{"http.path":"/users"}"#)
    }

    @Test("falls back to remoteEndpoint, then unknown, when localEndpoint has no serviceName")
    func serviceFallbacks() throws {
        let text = """
            [{"traceId":"a","id":"1","name":"x","timestamp":1,"duration":1,"localEndpoint":{"ipv4":"1.2.3.4"},
              "remoteEndpoint":{"serviceName":"db"}},
             {"traceId":"a","id":"2","name":"y","timestamp":1,"duration":1}]
            """
        let spans = try ZipkinTraceParser.parse(TraceFixture.data(text))
        #expect(spans.map(\.service) == ["db", "unknown"])
    }

    @Test("an error tag (even empty) or an HTTP 5xx status marks an error; 4xx alone does not")
    func detectsErrors() throws {
        let text = """
            [{"traceId":"a","id":"1","name":"e","timestamp":1,"duration":1,"tags":{"error":"boom"}},
             {"traceId":"a","id":"2","name":"f","timestamp":1,"duration":1,"tags":{"error":""}},
             {"traceId":"a","id":"3","name":"g","timestamp":1,"duration":1,"tags":{"http.status_code":"503"}},
             {"traceId":"a","id":"4","name":"h","timestamp":1,"duration":1,"tags":{"http.status_code":"404"}}]
            """
        let spans = try ZipkinTraceParser.parse(TraceFixture.data(text))
        #expect(spans.map(\.status) == [.error, .error, .error, .unset])
        #expect(spans.map(\.errorMessage) == ["boom", nil, "HTTP 503", nil])
    }

    @Test("a span without timestamp starts at its first annotation and lasts 0")
    func missingTimestamp() throws {
        let text = #"[{"traceId":"a","id":"1","name":"late","annotations":[{"timestamp":5,"value":"cs"}]}]"#
        let spans = try ZipkinTraceParser.parse(TraceFixture.data(text))
        #expect(spans[0].start == Timestamp(nanoseconds: 5_000))
        #expect(spans[0].duration == 0)
    }

    @Test("keeps CJK names, services and tags")
    func keepsCJK() throws {
        let text = #"{"traceId":"a","id":"1","name":"个人信息查询","timestamp":1,"duration":1,"localEndpoint":{"serviceName":"订单维护服务"},"tags":{"error":"此用户没有操作权限"}}"#
        let spans = try ZipkinTraceParser.parse(TraceFixture.data(text))
        #expect(spans[0].operation == "个人信息查询")
        #expect(spans[0].service == "订单维护服务")
        #expect(spans[0].errorMessage == "此用户没有操作权限")
        #expect(spans[0].attributesJSON == #"{"error":"此用户没有操作权限"}"#)
        #expect(String(decoding: spans[0].raw, as: UTF8.self).contains("个人信息查询"))
    }

    @Test("names the path of a bad duration and a missing id")
    func namesPaths() {
        #expect(throws: ParseError.notANumber(path: "[1].duration", text: "long")) {
            try ZipkinTraceParser.parse(
                TraceFixture.data(#"[{"traceId":"a","id":"1"},{"traceId":"a","id":"2","timestamp":1,"duration":"long"}]"#))
        }
        #expect(throws: ParseError.missingField(path: "[0].id")) {
            try ZipkinTraceParser.parse(TraceFixture.data(#"[{"traceId":"a"}]"#))
        }
        #expect(throws: ParseError.self) { try ZipkinTraceParser.parse(TraceFixture.data("[{]")) }
    }
}
