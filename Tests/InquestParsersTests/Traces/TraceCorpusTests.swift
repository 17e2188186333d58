import Foundation
import InquestTestSupport
import InquestCore
import Testing

@testable import InquestParsers

/// The real files under `../shared/corpora/{otlp,jaeger,zipkin}`. Expected counts were
/// verified independently with `python3 -c 'import json; ...'` (see the report of this change).
@Suite("Trace corpora", .enabled(if: TraceCorpus.isAvailable, SharedCorpus.skipReason))
struct TraceCorpusTests {
    static func spans(_ path: String) throws -> (TraceFormat, [TraceSpan]) {
        let data = try TraceCorpus.data(path)
        let format = try #require(TraceFormatDetector.detect(data), "\(path) not detected")
        return (format, try format.parse(data))
    }

    @Test(
        "detects and parses every corpus trace file with the independently counted spans",
        arguments: [
            ("otlp/opentelemetry-proto/examples/trace.json", TraceFormat.otlp, 1),
            ("jaeger/jaeger-ui/spansAmongEachOther.json", .jaeger, 12),
            ("jaeger/jaeger-ui/testTraceNormal.json", .jaeger, 5),
            ("zipkin/benchmarks/zipkin2-chinese.json", .zipkin, 1),
            ("zipkin/zipkin-lens/testdata/envoy.json", .zipkin, 1),
            ("zipkin/zipkin-lens/testdata/messaging-kafka.json", .zipkin, 28),
            ("zipkin/zipkin-lens/testdata/skew.json", .zipkin, 4),
            ("zipkin/zipkin-lens/testdata/smartthings-oauth-authorization.json", .zipkin, 175),
            ("zipkin/zipkin-lens/testdata/yelp.json", .zipkin, 16),
        ])
    func parsesCorpusFile(path: String, format: TraceFormat, count: Int) throws {
        let (detected, spans) = try Self.spans(path)
        #expect(detected == format)
        #expect(spans.count == count)
        #expect(spans.allSatisfy { !$0.traceID.isEmpty && !$0.spanID.isEmpty })
    }

    @Test("the OTLP spec example keeps its service, ids and one-second duration")
    func otlpExample() throws {
        let (_, spans) = try Self.spans("otlp/opentelemetry-proto/examples/trace.json")
        let span = try #require(spans.first)
        #expect(span.service == "my.service")
        #expect(span.traceID == "5b8efff798038103d269b633813fc60c")
        #expect(span.parentSpanID == "eee19b7ec3c1b173")
        #expect(span.duration == 1_000_000_000)
        #expect(span.kind == .server)
        #expect(span.attributesJSON == #"{"my.span.attr":"some value"}"#)
    }

    @Test("envoy.json has no serviceName anywhere: its span's service is unknown")
    func envoyMissingService() throws {
        let (_, spans) = try Self.spans("zipkin/zipkin-lens/testdata/envoy.json")
        #expect(spans.map(\.service) == ["unknown"])
        #expect(spans.first?.host == "169.254.65.45")
    }

    @Test("zipkin2-chinese.json keeps its CJK text and is an error span (error tag)")
    func chineseKeepsCJK() throws {
        let (_, spans) = try Self.spans("zipkin/benchmarks/zipkin2-chinese.json")
        let span = try #require(spans.first)
        #expect(span.operation == "个人信息查询")
        #expect(span.service == "订单维护服务")
        #expect(span.status == .error)
        #expect(span.errorMessage == "此用户没有操作权限")
    }

    @Test("error spans per zipkin file match the independent count (error tag or HTTP 5xx)")
    func zipkinErrorCounts() throws {
        #expect(try Self.spans("zipkin/zipkin-lens/testdata/messaging-kafka.json").1.filter { $0.status == .error }.count == 3)
        #expect(try Self.spans("zipkin/zipkin-lens/testdata/smartthings-oauth-authorization.json").1.filter { $0.status == .error }.count == 2)
        #expect(try Self.spans("zipkin/zipkin-lens/testdata/yelp.json").1.filter { $0.status == .error }.isEmpty)
    }

    @Test("skew.json's shared client/server span forms one tree under the root")
    func skewTree() throws {
        let (_, spans) = try Self.spans("zipkin/zipkin-lens/testdata/skew.json")
        let roots = SpanTree.build(spans)
        #expect(roots.count == 1)
        #expect(roots.first?.span.operation == "get")
        #expect(roots.first?.flattened.count == 4)
        #expect(roots.first?.maximumDepth == 3)
    }

    @Test(
        "jaeger span trees: one root each, depth 3",
        arguments: [
            ("jaeger/jaeger-ui/spansAmongEachOther.json", "9afcdf2e24e8d70a", 12),
            ("jaeger/jaeger-ui/testTraceNormal.json", "150c193cf155b46b", 5),
        ])
    func jaegerTrees(path: String, rootID: String, count: Int) throws {
        let (_, spans) = try Self.spans(path)
        let roots = SpanTree.build(spans)
        #expect(roots.map(\.span.spanID) == [rootID])
        #expect(roots.first?.maximumDepth == 3)
        #expect(roots.first?.flattened.count == count)
        #expect(roots.first.map { $0.selfTime >= 0 && $0.selfTime <= $0.span.duration } == true)
    }

    @Test("eventizing smartthings gives one error event per error span and one for its trace, in start order")
    func eventizeSmartthings() throws {
        let (_, spans) = try Self.spans("zipkin/zipkin-lens/testdata/smartthings-oauth-authorization.json")
        var eventizer = SpanEventizer()
        let events = eventizer.eventize(spans, sourceName: "smartthings", sourceIdentity: "smartthings")
        let traceEvents = events.filter(SpanEventizerTests.isTraceEvent)
        #expect(events.filter { $0.severity == .error && !SpanEventizerTests.isTraceEvent($0) }.count == 2)
        #expect(traceEvents.count == Set(spans.map(\.traceID)).count)
        #expect(traceEvents.allSatisfy { $0.severity == .error && $0.message.contains(", 2 failed,") })
        #expect(zip(events, events.dropFirst()).allSatisfy { $0.timestamp <= $1.timestamp })
    }
}
