import Foundation
import InquestCore
import Testing

@testable import InquestParsers

/// The one `trace` event every trace gets from ``SpanEventizer/eventize(_:sourceName:sourceIdentity:)``.
@Suite("Trace events")
struct TraceEventTests {
    static let base: Int64 = 1_700_000_000_000_000_000

    static func span(
        trace: String = "aa11", id: String, parent: String?, service: String = "shop", operation: String,
        startMS: Int64, durationMS: Int64, status: SpanStatus = .unset
    ) -> TraceSpan {
        TraceSpan(
            traceID: trace, spanID: id, parentSpanID: parent, service: service, operation: operation,
            start: Timestamp(nanoseconds: base + startMS * 1_000_000), duration: durationMS * 1_000_000, status: status,
            host: "web-\(service.count)", raw: Array("{\"id\":\"\(id)\"}".utf8))
    }

    /// A healthy three-span trace given child first: frontend → checkout → payment.
    static let healthy = [
        span(id: "c2", parent: "c1", service: "payment", operation: "charge", startMS: 20, durationMS: 50),
        span(id: "c1", parent: "r0", service: "checkout", operation: "POST /checkout", startMS: 10, durationMS: 80),
        span(id: "r0", parent: nil, service: "frontend", operation: "GET /cart", startMS: 0, durationMS: 100),
    ]

    static func traceEvents(_ events: [Event]) -> [Event] {
        events.filter { (try? TraceFixture.object($0.attributesJSON)["span_count"]) != nil }
    }

    @Test("a trace with no failed or slow span still gives one info event named after its root")
    func healthyTraceGivesInfoEvent() throws {
        var eventizer = SpanEventizer()
        let events = eventizer.eventize(Self.healthy, sourceName: "t.json", sourceIdentity: "/data/t.json")

        #expect(events.count == 1)
        let event = try #require(events.first)
        #expect(event.sourceKind == .trace)
        #expect(event.severity == .info)
        #expect(event.levelText == nil)
        #expect(event.message == "trace GET /cart: 3 spans, 100.0 ms")
        #expect(event.service == "frontend")
        #expect(event.traceID == "aa11")
        #expect(event.spanID == "r0")
        #expect(event.timestamp == Timestamp(nanoseconds: Self.base))
        let attributes = try TraceFixture.object(event.attributesJSON)
        #expect(attributes["span_count"] as? Int == 3)
        #expect(attributes["error_count"] as? Int == 0)
        #expect(attributes["root_span_id"] as? String == "r0")
        #expect(attributes["root_missing"] as? Bool == false)
        #expect(attributes["duration_ms"] as? Double == 100)
        #expect(try TraceFixture.object(String(decoding: event.raw, as: UTF8.self))["trace_id"] as? String == "aa11")
    }

    @Test("failed spans make the trace event an error, counted in its message, beside each span's own event")
    func failedSpansMakeErrorTrace() throws {
        var spans = Self.healthy
        spans[0].status = .error
        spans[1].status = .error
        var eventizer = SpanEventizer()
        let events = eventizer.eventize(spans, sourceName: "t", sourceIdentity: "t")

        let trace = try #require(Self.traceEvents(events).first)
        #expect(Self.traceEvents(events).count == 1)
        #expect(trace.severity == .error)
        #expect(trace.message == "trace GET /cart: 3 spans, 2 failed, 100.0 ms")
        #expect(try TraceFixture.object(trace.attributesJSON)["error_count"] as? Int == 2)
        #expect(events.count == 3)
        #expect(events.first == trace)
        #expect(zip(events, events.dropFirst()).allSatisfy { $0.timestamp <= $1.timestamp })
    }

    @Test("a trace without its root is anchored on its earliest span and says the root is missing")
    func partialTraceAnchoredOnEarliestSpan() throws {
        let spans = Array(Self.healthy.dropLast())
        var eventizer = SpanEventizer()
        let event = try #require(eventizer.eventize(spans, sourceName: "t", sourceIdentity: "t").first)

        #expect(event.message == "trace (root missing) from POST /checkout: 2 spans, 80.0 ms")
        #expect(event.spanID == "c1")
        #expect(event.service == "checkout")
        #expect(event.timestamp == Timestamp(nanoseconds: Self.base + 10_000_000))
        let attributes = try TraceFixture.object(event.attributesJSON)
        #expect(attributes["root_missing"] as? Bool == true)
        #expect(attributes["root_span_id"] is NSNull)
    }

    @Test("several traces in one input give one event each, in time order, whatever the input order")
    func oneEventPerTrace() throws {
        let late = [
            Self.span(trace: "bb22", id: "x0", parent: nil, operation: "GET /late", startMS: 500, durationMS: 5),
            Self.span(trace: "bb22", id: "x1", parent: "x0", operation: "db", startMS: 501, durationMS: 2),
        ]
        var eventizer = SpanEventizer()
        let events = eventizer.eventize(late + Self.healthy, sourceName: "t", sourceIdentity: "t")

        #expect(events.map(\.traceID) == ["aa11", "bb22"])
        #expect(events.map(\.message) == ["trace GET /cart: 3 spans, 100.0 ms", "trace GET /late: 2 spans, 5.0 ms"])
    }

    @Test("the same spans give the same keys again, unlike any span event's key")
    func traceEventKeysAreStable() throws {
        var spans = Self.healthy
        spans[2].status = .error
        var first = SpanEventizer()
        var second = SpanEventizer()
        let once = first.eventize(spans, sourceName: "t", sourceIdentity: "/data/t.json")
        let again = second.eventize(spans, sourceName: "t", sourceIdentity: "/data/t.json")

        #expect(once.map(\.dedupeKey) == again.map(\.dedupeKey))
        #expect(Set(once.map(\.dedupeKey)).count == once.count)
        var elsewhere = SpanEventizer()
        let other = elsewhere.eventize(spans, sourceName: "t", sourceIdentity: "/data/u.json")
        #expect(Set(other.map(\.dedupeKey)).isDisjoint(with: once.map(\.dedupeKey)))
    }

    @Test("of several spans without a parent the earliest is the root")
    func earliestParentlessSpanIsRoot() throws {
        let spans = Self.healthy + [Self.span(id: "r9", parent: nil, operation: "late root", startMS: 300, durationMS: 1)]
        var eventizer = SpanEventizer()
        let event = try #require(eventizer.eventize(spans, sourceName: "t", sourceIdentity: "t").first)

        #expect(event.spanID == "r0")
        #expect(event.message == "trace GET /cart: 4 spans, 301.0 ms")
    }

    @Test("an empty input gives no events")
    func emptyInput() {
        var eventizer = SpanEventizer()
        #expect(eventizer.eventize([], sourceName: "t", sourceIdentity: "t").isEmpty)
    }
}
