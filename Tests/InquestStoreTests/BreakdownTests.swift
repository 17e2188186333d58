import Foundation
import InquestCore
import Testing
@testable import InquestStore

/// Breakdowns, compares and trace breakdowns on a store with known counts.
///
/// The store: a baseline minute [1000 s, 1060 s) and a window minute [1060 s, 1120 s), plus
/// one event at 1500 s that neither counts.
/// - baseline: api ×4 (1 error), web ×6, all on template 1 ("login <*>")
/// - window: api ×8 (4 errors; template 2 "logout <*>"), web ×3 (template 3, absorbed into 1),
///   cache ×2 (no template), one event without a service (status 504)
@Suite("Breakdowns and compares")
struct BreakdownTests {
    static let second: Int64 = 1_000_000_000
    static let baseline = Timestamp(nanoseconds: 1000 * second)..<Timestamp(nanoseconds: 1060 * second)
    static let window = Timestamp(nanoseconds: 1060 * second)..<Timestamp(nanoseconds: 1120 * second)

    static func event(_ n: Int, at seconds: Int64, service: String?, severity: Severity = .info, attributes: String = "{}") -> Event {
        let raw = Array("line \(n)".utf8)
        return Event(
            timestamp: Timestamp(nanoseconds: seconds * second + Int64(n)), sourceKind: .log, sourceName: "app.log",
            severity: severity, service: service, host: service.map { "\($0)-1" }, message: "message \(n)",
            attributesJSON: attributes, raw: raw, dedupeKey: DedupeKey(source: "app.log", raw: raw, offset: Int64(n)))
    }

    static func store() throws -> InquestStore {
        let store = try InquestStore.inMemory()
        var events: [Event] = []
        var templates: [Int64] = []
        func add(_ event: Event, template: Int64) {
            events.append(event)
            templates.append(template)
        }
        var n = 0
        func next() -> Int { n += 1; return n }
        for index in 0..<4 { add(event(next(), at: 1001, service: "api", severity: index == 0 ? .error : .info, attributes: #"{"status":200}"#), template: 1) }
        for _ in 0..<6 { add(event(next(), at: 1010, service: "web"), template: 1) }
        for index in 0..<8 { add(event(next(), at: 1070, service: "api", severity: index < 4 ? .critical : .info, attributes: #"{"status":200}"#), template: 2) }
        for _ in 0..<3 { add(event(next(), at: 1080, service: "web"), template: 3) }
        for _ in 0..<2 { add(event(next(), at: 1090, service: "cache"), template: 0) }
        add(event(next(), at: 1100, service: nil, attributes: #"{"status":504}"#), template: 0)
        add(event(next(), at: 1500, service: "api"), template: 1)
        var encoded = EncodedEvents(events)
        encoded.assignTemplates(templates)
        var batch = EventBatch(events: encoded)
        batch.templates = [
            LogTemplate(id: 1, tokens: ["login", "<*>"], count: 0),
            LogTemplate(id: 2, tokens: ["logout", "<*>"], count: 0),
            LogTemplate(id: 3, tokens: ["login", "guest"], count: 0, mergedInto: 1),
        ]
        try store.append(batch)
        return store
    }

    static func compiled(_ text: String) throws -> FilterSQL {
        FilterSQLCompiler.compile(try Filter.parse(text), now: .now())
    }

    static func summary(_ breakdown: Breakdown) -> [String] {
        breakdown.rows.map { $0.key.labels.joined(separator: "|") + "=\($0.count.events)/\($0.count.errors)" }
    }

    @Test func countsTheWindowByServiceLargestFirst() throws {
        let breakdown = try Self.store().breakdown(.everything, by: [.service], in: Self.window)
        #expect(Self.summary(breakdown) == ["api=8/4", "web=3/0", "cache=2/0", "—=1/0"])
        #expect(breakdown.total == BreakdownCount(events: 14, errors: 4))
        #expect(breakdown.groupCount == 4)
        let shares: [Double] = [8, 3, 2, 1].map { $0 / 14 }
        #expect(breakdown.rows.map(\.share) == shares)
    }

    @Test func groupsByTheTupleOfSeveralDimensions() throws {
        let breakdown = try Self.store().breakdown(.everything, by: [.service, .severity], in: Self.window)
        #expect(Self.summary(breakdown) == ["api|critical=4/4", "api|info=4/0", "web|info=3/0", "cache|info=2/0", "—|info=1/0"])
    }

    @Test func templatesFollowMergesAndMissingOnesGroupTogether() throws {
        let breakdown = try Self.store().breakdown(.everything, by: [.template], in: Self.window)
        #expect(Self.summary(breakdown) == ["logout <*>=8/4", "login <*>=3/0", "—=3/0"])
        #expect(breakdown.rows[1].key.values == [.template(id: 1, text: "login <*>")])
    }

    @Test func groupsByAnAttributeAsTheFilterReadsIt() throws {
        let breakdown = try Self.store().breakdown(.everything, by: [.attribute("status")], in: Self.window)
        #expect(Self.summary(breakdown) == ["200=8/4", "—=5/0", "504=1/0"])
    }

    @Test func appliesTheFilterAndTheLimit() throws {
        let store = try Self.store()
        let errors = try store.breakdown(try Self.compiled("severity>=error"), by: [.service], in: Self.window)
        #expect(Self.summary(errors) == ["api=4/4"])
        let limited = try store.breakdown(.everything, by: [.service], in: Self.window, limit: 2)
        #expect(Self.summary(limited) == ["api=8/4", "web=3/0"])
        #expect(limited.total.events == 14 && limited.groupCount == 4)
    }

    /// Every row's filter term selects exactly the row's events: what Enter in the canvas and
    /// the suspects rely on.
    @Test(arguments: [
        [BreakdownDimension.service], [.severity], [.host], [.source], [.sourceName], [.template], [.attribute("status")],
        [.service, .template],
    ])
    func eachRowsConditionSelectsExactlyItsEvents(dimensions: [BreakdownDimension]) throws {
        let store = try Self.store()
        let breakdown = try store.breakdown(.everything, by: dimensions, in: Self.window)
        for row in breakdown.rows {
            guard let narrowed = row.key.narrowing(.everything) else {
                // Only events without a template cannot be named in the filter language.
                #expect(row.key.values.contains(.missing) && dimensions.contains(.template))
                continue
            }
            let reparsed = try Filter.parse(narrowed.text)
            let query = TimelineQuery(filter: reparsed, scope: [
                .term(.after(.absolute(Self.window.lowerBound))), .term(.before(.absolute(Self.window.upperBound))),
            ])
            let count = try store.count(FilterSQLCompiler.compile(query, now: .now()))
            #expect(count == row.count.events, "\(narrowed.text)")
        }
    }

    @Test func comparesAgainstTheWindowJustBeforeNewFirstThenLargestRise() throws {
        let comparison = try Self.store().comparison(.everything, by: [.service], in: Self.window)
        #expect(comparison.baselineWindow == Self.baseline)
        let rows = comparison.rows.map { "\($0.key.labels[0]) \($0.window.events)/\($0.baseline.events) \($0.rateRatio.map { String($0) } ?? "new")" }
        #expect(rows == ["cache 2/0 new", "— 1/0 new", "api 8/4 2.0", "web 3/6 0.5"])
        #expect(comparison.windowTotal.events == 14 && comparison.baselineTotal.events == 10)
        let api = try #require(comparison.rows.first { $0.key.labels == ["api"] })
        #expect(api.window.errorShare == 0.5 && api.baseline.errorShare == 0.25)
    }

    @Test func ratesAreNormalisedByTheWindowsLengths() throws {
        // A baseline twice as long as the window: web's 6 events there are 3 per window length,
        // as many as in the window.
        let longBaseline = Timestamp(nanoseconds: 940 * Self.second)..<Self.window.lowerBound
        let comparison = try Self.store().comparison(.everything, by: [.service], in: Self.window, baseline: longBaseline)
        let web = try #require(comparison.rows.first { $0.key.labels == ["web"] })
        #expect(web.rateRatio == 1.0)
        let api = try #require(comparison.rows.first { $0.key.labels == ["api"] })
        #expect(api.rateRatio == 4.0)
    }

    @Test func groupsGoneQuietComeLast() throws {
        let window = Timestamp(nanoseconds: 1120 * Self.second)..<Timestamp(nanoseconds: 1180 * Self.second)
        let comparison = try Self.store().comparison(.everything, by: [.service], in: window)
        let notGone = comparison.rows.filter { !$0.isGone }
        #expect(notGone.isEmpty)
        #expect(comparison.rows.map { $0.key.labels[0] } == ["api", "web", "cache", "—"])
    }

    @Test func aBreakdownNeedsADimension() throws {
        let store = try Self.store()
        #expect(throws: StoreError.self) { try store.breakdown(.everything, by: [], in: Self.window) }
    }

    @Test func traceBreakdownHasExactPercentilesAgainstTheBaseline() throws {
        let store = try InquestStore.inMemory()
        let ms: Int64 = 1_000_000
        var spans: [TraceSpan] = (1...100).map { index in
            TraceSpan(traceID: "t\(index)", spanID: "s\(index)", service: "checkout", operation: "pay",
                      start: Timestamp(nanoseconds: 1070 * Self.second + Int64(index)), duration: Int64(index) * ms,
                      status: index > 97 ? .error : .ok)
        }
        spans += (1...10).map { index in
            TraceSpan(traceID: "b\(index)", spanID: "s\(index)", service: "checkout", operation: "pay",
                      start: Timestamp(nanoseconds: 1010 * Self.second + Int64(index)), duration: 5 * ms)
        }
        spans.append(TraceSpan(traceID: "c", spanID: "s", service: "cart", operation: "add",
                               start: Timestamp(nanoseconds: 1080 * Self.second), duration: 7 * ms))
        spans.append(TraceSpan(traceID: "late", spanID: "s", service: "cart", operation: "add",
                               start: Self.window.upperBound, duration: 9 * ms))
        try store.append(EventBatch(spans: spans))

        let breakdown = try store.traceBreakdown(in: Self.window)
        #expect(breakdown.rows.map(\.service) == ["checkout", "cart"])
        #expect(breakdown.rows[0].window == SpanStatistics(spans: 100, errorSpans: 3, p50: 50 * ms, p90: 90 * ms, p99: 99 * ms))
        #expect(breakdown.rows[0].baseline == SpanStatistics(spans: 10, errorSpans: 0, p50: 5 * ms, p90: 5 * ms, p99: 5 * ms))
        #expect(breakdown.rows[1].window == SpanStatistics(spans: 1, errorSpans: 0, p50: 7 * ms, p90: 7 * ms, p99: 7 * ms))
        #expect(breakdown.rows[1].baseline.spans == 0)
    }
}
