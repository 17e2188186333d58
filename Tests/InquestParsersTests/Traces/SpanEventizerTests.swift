import Foundation
import InquestCore
import Testing

@testable import InquestParsers

@Suite("Span eventizer")
struct SpanEventizerTests {
    static func span(
        _ index: Int, durationMS: Double, status: SpanStatus = .unset, message: String? = nil,
        operation: String = "GET /api/orders"
    ) -> TraceSpan {
        TraceSpan(
            traceID: "t\(index)", spanID: "s\(index)", parentSpanID: "p\(index)", service: "shop", operation: operation,
            start: Timestamp(nanoseconds: 1_000_000_000_000 + Int64(index) * 1_000_000_000),
            duration: Int64(durationMS * 1_000_000), status: status, errorMessage: message, kind: .server,
            host: "web-1", raw: Array("{\"i\":\(index)}".utf8))
    }

    /// The events of single spans (error or slow), without the one `trace` event per trace.
    static func spanEvents(_ events: [Event]) -> [Event] {
        events.filter { !isTraceEvent($0) }
    }

    static func isTraceEvent(_ event: Event) -> Bool {
        (try? TraceFixture.object(event.attributesJSON)["span_count"]) != nil
    }

    /// 30 ordinary durations around 100 ms (deterministic jitter of ±5 ms).
    static let ordinary = (0..<30).map { span($0, durationMS: 100 + Double($0 % 11) - 5) }

    @Test("an error span gives one error event carrying trace, span, service, host and attributes")
    func errorSpanGivesErrorEvent() throws {
        var eventizer = SpanEventizer()
        let events = Self.spanEvents(eventizer.eventize(
            [Self.span(0, durationMS: 123.4, status: .error, message: "upstream timeout")],
            sourceName: "t.json", sourceIdentity: "/data/t.json"))

        #expect(events.count == 1)
        let event = try #require(events.first)
        #expect(event.severity == .error)
        #expect(event.sourceKind == .trace)
        #expect(event.message == "GET /api/orders failed: upstream timeout (123.4 ms)")
        #expect(event.traceID == "t0")
        #expect(event.spanID == "s0")
        #expect(event.service == "shop")
        #expect(event.host == "web-1")
        #expect(event.timestamp == Timestamp(nanoseconds: 1_000_000_000_000))
        #expect(event.raw == Array("{\"i\":0}".utf8))
        #expect(event.dedupeKey == DedupeKey(source: "/data/t.json", raw: Array("{\"i\":0}".utf8), offset: 0))
        let attributes = try TraceFixture.object(event.attributesJSON)
        #expect(attributes["operation"] as? String == "GET /api/orders")
        #expect(attributes["duration_ms"] as? Double == 123.4)
        #expect(attributes["parent_span_id"] as? String == "p0")
        #expect(attributes["span_kind"] as? String == "server")
    }

    @Test("no slow event during warm-up, however slow the span")
    func noEventDuringWarmUp() {
        var eventizer = SpanEventizer()
        let spans = Array(Self.ordinary.prefix(10)) + [Self.span(10, durationMS: 5_000)]
        #expect(Self.spanEvents(eventizer.eventize(spans, sourceName: "t", sourceIdentity: "t")).isEmpty)
    }

    @Test("a slow outlier after warm-up gives one warning event; ordinary spans give none")
    func slowOutlierAfterWarmUp() throws {
        var eventizer = SpanEventizer()
        let spans = Self.ordinary + [Self.span(30, durationMS: 400)] + [Self.span(31, durationMS: 104)]
        let events = Self.spanEvents(eventizer.eventize(spans, sourceName: "t", sourceIdentity: "t"))

        #expect(events.count == 1)
        let event = try #require(events.first)
        #expect(event.severity == .warning)
        #expect(event.spanID == "s30")
        #expect(event.message.hasPrefix("GET /api/orders slow: 400.0 ms, 4.0× its median"))
        let attributes = try TraceFixture.object(event.attributesJSON)
        #expect(attributes["slow"] as? Bool == true)
    }

    @Test("a span over 10× the median is critical")
    func criticalWhenTenTimes() {
        var eventizer = SpanEventizer()
        let events = Self.spanEvents(eventizer.eventize(Self.ordinary + [Self.span(30, durationMS: 2_000)], sourceName: "t", sourceIdentity: "t"))
        #expect(events.map(\.severity) == [.critical])
    }

    @Test("baselines are per operation: a slow-by-nature operation is not judged by another's")
    func baselinesPerOperation() {
        var eventizer = SpanEventizer()
        let other = (30..<60).map { Self.span($0, durationMS: 900 + Double($0 % 7), operation: "POST /report") }
        #expect(Self.spanEvents(eventizer.eventize(Self.ordinary + other, sourceName: "t", sourceIdentity: "t")).isEmpty)
    }

    @Test("out-of-order spans are judged in start order and keep their file index as dedupe offset")
    func outOfOrderSpans() throws {
        var eventizer = SpanEventizer()
        // The outlier is first in the file but starts last, after the warm-up spans.
        let spans = [Self.span(30, durationMS: 400)] + Self.ordinary.reversed()
        let events = Self.spanEvents(eventizer.eventize(spans, sourceName: "t", sourceIdentity: "src"))

        #expect(events.count == 1)
        let event = try #require(events.first)
        #expect(event.spanID == "s30")
        #expect(event.dedupeKey == DedupeKey(source: "src", raw: spans[0].raw, offset: 0))
    }

    @Test("a span both failed and slow gives one error event marked slow")
    func failedAndSlowGivesOneEvent() throws {
        var eventizer = SpanEventizer()
        let spans = Self.ordinary + [Self.span(30, durationMS: 400, status: .error)]
        let events = Self.spanEvents(eventizer.eventize(spans, sourceName: "t", sourceIdentity: "t"))

        #expect(events.map(\.severity) == [.error])
        let event = try #require(events.first)
        #expect(event.message == "GET /api/orders failed (400.0 ms)")
        #expect(try TraceFixture.object(event.attributesJSON)["slow"] as? Bool == true)
    }

    @Test("spans without a duration neither join the baseline nor count towards warm-up")
    func zeroDurationsIgnored() {
        var eventizer = SpanEventizer()
        let fragments = (0..<30).map { Self.span($0, durationMS: 0) }
        let spans = fragments + [Self.span(30, durationMS: 400)]
        #expect(Self.spanEvents(eventizer.eventize(spans, sourceName: "t", sourceIdentity: "t")).isEmpty)
    }
}
