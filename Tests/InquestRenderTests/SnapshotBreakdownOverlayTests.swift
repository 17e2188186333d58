import InquestCore
@testable import InquestRender
import InquestViewModel
import Testing

/// The `b` breakdown overlay at the standard sizes: counts by service × template (a template
/// carrying terminal escapes, sanitised), the compare of templates with the window before
/// (new first, then the largest rise), and the trace breakdown.
@Suite struct SnapshotBreakdownOverlayTests {
    static let window = SnapshotFixture.time(0)..<SnapshotFixture.time(900)
    static let baseline = SnapshotFixture.time(-900)..<SnapshotFixture.time(0)

    static func key(_ dimensions: [BreakdownDimension], _ values: [BreakdownValue]) -> BreakdownKey {
        BreakdownKey(dimensions: dimensions, values: values)
    }

    static let counts: BreakdownResult = {
        let dimensions: [BreakdownDimension] = [.service, .template]
        let counts: [BreakdownKey: BreakdownCount] = [
            key(dimensions, [.text("payments"), .template(id: 4, text: "charge <*> declined by <*> after <*> ms")]): BreakdownCount(events: 1_204, errors: 1_204),
            key(dimensions, [.text("checkout"), .template(id: 2, text: "POST /api/checkout <*> in <*> ms")]): BreakdownCount(events: 3_310, errors: 12),
            key(dimensions, [.text("gateway"), .template(id: 9, text: "upstream \u{1B}[31mreset\u{1B}[0m by peer <*>")]): BreakdownCount(events: 87, errors: 87),
            key(dimensions, [.missing, .missing]): BreakdownCount(events: 5),
        ]
        return .counts(Breakdown(dimensions: dimensions, window: window, counts: counts, limit: 100))
    }()

    static let compare: BreakdownResult = {
        let dimensions: [BreakdownDimension] = [.template]
        let now: [BreakdownKey: BreakdownCount] = [
            key(dimensions, [.template(id: 4, text: "charge <*> declined by <*> after <*> ms")]): BreakdownCount(events: 1_204, errors: 1_204),
            key(dimensions, [.template(id: 2, text: "POST /api/checkout <*> in <*> ms")]): BreakdownCount(events: 3_310, errors: 12),
            key(dimensions, [.template(id: 7, text: "retrying <*> attempt <*>")]): BreakdownCount(events: 640, errors: 0),
        ]
        let before: [BreakdownKey: BreakdownCount] = [
            key(dimensions, [.template(id: 2, text: "POST /api/checkout <*> in <*> ms")]): BreakdownCount(events: 3_150, errors: 3),
            key(dimensions, [.template(id: 7, text: "retrying <*> attempt <*>")]): BreakdownCount(events: 40, errors: 0),
            key(dimensions, [.template(id: 8, text: "cache warmed in <*> ms")]): BreakdownCount(events: 2, errors: 0),
        ]
        return .compare(BreakdownComparison(
            dimensions: dimensions, window: window, baselineWindow: baseline, windowCounts: now, baselineCounts: before, limit: 100))
    }()

    static let traces: BreakdownResult = {
        let ms: Int64 = 1_000_000
        return .traces(TraceBreakdown(window: window, baselineWindow: baseline, rows: [
            TraceBreakdownRow(service: "payments", window: SpanStatistics(spans: 2_400, errorSpans: 310, p50: 42 * ms, p90: 880 * ms, p99: 3_010 * ms),
                              baseline: SpanStatistics(spans: 2_380, errorSpans: 2, p50: 40 * ms, p90: 95 * ms, p99: 180 * ms)),
            TraceBreakdownRow(service: "checkout", window: SpanStatistics(spans: 5_100, errorSpans: 4, p50: 12 * ms, p90: 30 * ms, p99: 120 * ms),
                              baseline: SpanStatistics(spans: 5_020, errorSpans: 3, p50: 11 * ms, p90: 28 * ms, p99: 110 * ms)),
            TraceBreakdownRow(service: "search", window: SpanStatistics(), baseline: SpanStatistics(spans: 12, errorSpans: 0, p50: 3 * ms, p90: 4 * ms, p99: 5 * ms)),
        ]))
    }()

    static func state(width: Int, height: Int, mode: BreakdownOverlayState.Mode, dimensions: [BreakdownDimension], result: BreakdownResult) -> CanvasState {
        var state = SnapshotFixture.state(width: width, height: height)
        state.breakdown = BreakdownOverlayState(mode: mode, dimensions: dimensions, window: window, result: result, selected: 1)
        return state
    }

    @Test(arguments: SnapshotCanvasTests.sizes)
    func countsByServiceAndTemplate(width: Int, height: Int) throws {
        let buffer = CanvasRenderer.render(Self.state(width: width, height: height, mode: .counts, dimensions: [.service, .template], result: Self.counts), width: width, height: height)
        try Snapshot.assertMatches(buffer, named: "breakdown-counts-\(width)x\(height)")
        #expect(!buffer.textLines().joined().contains("\u{1B}"))
    }

    @Test(arguments: SnapshotCanvasTests.sizes)
    func compareOfTemplates(width: Int, height: Int) throws {
        let buffer = CanvasRenderer.render(Self.state(width: width, height: height, mode: .compare, dimensions: [.template], result: Self.compare), width: width, height: height)
        try Snapshot.assertMatches(buffer, named: "breakdown-compare-\(width)x\(height)")
    }

    @Test(arguments: SnapshotCanvasTests.sizes)
    func traceBreakdown(width: Int, height: Int) throws {
        let buffer = CanvasRenderer.render(Self.state(width: width, height: height, mode: .traces, dimensions: [.service], result: Self.traces), width: width, height: height)
        try Snapshot.assertMatches(buffer, named: "breakdown-traces-\(width)x\(height)")
    }

    @Test func loadingAndEmptyStatesSaySo() {
        var state = SnapshotFixture.state(width: 120, height: 40)
        state.breakdown = BreakdownOverlayState(window: Self.window, isLoading: true)
        #expect(CanvasRenderer.render(state, width: 120, height: 40).textLines().joined().contains("Reading…"))
        state.breakdown = BreakdownOverlayState(window: nil)
        #expect(CanvasRenderer.render(state, width: 120, height: 40).textLines().joined().contains("No events in view"))
    }

    @Test func theCompareListsNewFirstThenTheLargestRise() {
        guard case .compare(let comparison) = Self.compare else { return #expect(Bool(false)) }
        #expect(comparison.rows.map { BreakdownTable.change($0) } == ["new", "×16", "×1.1", "gone"])
    }
}
