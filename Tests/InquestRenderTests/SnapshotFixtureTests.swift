import InquestCore
import InquestViewModel
import Testing

/// A canvas state with real-looking data for screen snapshots: CJK, emoji, combining
/// marks, a tab and an escape sequence in messages prove width handling and sanitising.
enum SnapshotFixture {
    static let base = Timestamp(seconds: 1_795_000_000) // 2026-11-18T11:06:40Z

    static func time(_ seconds: Int64) -> Timestamp {
        Timestamp(nanoseconds: base.nanoseconds + seconds * 1_000_000_000 + 123_000_000)
    }

    static let messages: [(SourceKind, Severity, String, String)] = [
        (.change, .info, "deploy", "🔥 deploy checkout v2.3.1 rolled out (a1b2c3d)"),
        (.log, .info, "checkout", "GET /cart 200 12ms"),
        (.log, .warning, "payments", "upstream latency 812ms > 500ms budget"),
        (.log, .error, "payments", "payment 4711 failed: gateway timeout after 3000ms"),
        (.trace, .error, "checkout", "span POST /pay error=true duration=3012ms"),
        (.log, .info, "cart", "支付失败: 用户 取消 订单 — 全角：コロン"),
        (.metric, .warning, "checkout", "p99 latency 3.1s (threshold 1s)"),
        (.log, .error, "payments", "\u{1B}[31mERROR\u{1B}[0m retry\tbudget exhausted \u{1B}]0;pwned\u{07}"),
        (.alert, .critical, "pagerduty", "CheckoutErrorRate > 5% for 5m"),
        (.ci, .error, "ci", "test PaymentTimeoutTests.testRetry failed"),
        (.log, .debug, "cart", "cache miss for cafe\u{301} résumé key"),
        (.note, .info, "alice", "suspect the deploy"),
        (.log, .info, "checkout", "a long message that goes on and on past the right edge of any reasonable terminal window to prove truncation with an ellipsis"),
        (.log, .error, "payments", "payment 4712 failed: gateway timeout after 3000ms"),
    ]

    static var rows: [EventSummary] {
        messages.enumerated().map { index, entry in
            EventSummary(
                id: Int64(1_000 + index),
                timestamp: time(Int64(index) * 7),
                sourceKind: entry.0,
                sourceName: entry.0 == .log ? "app.log" : entry.0.rawValue,
                severity: entry.1,
                service: entry.2,
                message: entry.3,
                isStarred: index == 3 || index == 8,
                tags: index == 3 ? ["suspect"] : [],
                linkedInvestigationIDs: index == 3 || index == 4 ? [7] : []
            )
        }
    }

    static var detail: EventDetail {
        let event = Event(
            id: 1_003,
            timestamp: time(21),
            timestampText: "2026-11-18 11:07:01,123",
            timeQuality: [.zoneAssumed],
            sourceKind: .log,
            sourceName: "app.log",
            severity: .error,
            levelText: "ERROR",
            service: "payments",
            host: "web-3",
            message: "payment 4711 failed: gateway timeout after 3000ms",
            traceID: "4bf92f3577b34da6a3ce929d0e0e4736",
            requestID: "req-8812",
            attributesJSON: #"{"status":504,"latency_ms":3012,"retry":false,"user":{"id":"u-42","tier":"gold"},"path":"/pay","note":null}"#,
            raw: Array("2026-11-18 11:07:01,123 ERROR [payments] payment 4711 failed: gateway timeout after 3000ms status=504".utf8),
            dedupeKey: DedupeKey(high: 1, low: 2)
        )
        return EventDetail(
            event: event,
            links: [EventLink(investigationID: 7, eventID: 1_003, linkedBy: "alice", linkedAt: time(400), reason: "first failure")],
            notes: [Note(id: 1, investigationID: 7, eventID: 1_003, author: "alice", body: "first payment failure", createdAt: time(420))],
            isStarred: true,
            tags: ["suspect"]
        )
    }

    static var investigations: [InvestigationSummary] {
        [
            InvestigationSummary(investigation: Investigation(id: 7, title: "Checkout outage 支付", status: .investigating, severity: .sev2, owner: "alice", createdAt: base), linkedEventCount: 2, noteCount: 2),
            InvestigationSummary(investigation: Investigation(id: 8, title: "Flaky CI on main", status: .resolved, severity: .sev4, owner: "bob", createdAt: base), linkedEventCount: 0, noteCount: 0),
            InvestigationSummary(investigation: Investigation(id: 9, title: "Disk pressure", status: .open, severity: .sev1, owner: "", createdAt: base), linkedEventCount: 11, noteCount: 1),
        ]
    }

    static var notes: [Note] {
        [
            Note(id: 1, investigationID: 7, eventID: 1_003, author: "alice", body: "first payment failure", createdAt: time(420)),
            Note(id: 2, investigationID: 7, author: "bob", body: "rolled back v2.3.1\nerrors stopped at 11:09 \u{1B}[2J", createdAt: time(600)),
        ]
    }

    static func buckets(_ count: Int) -> [HistogramBucket] {
        (0..<count).map { index in
            HistogramBucket(start: time(Int64(index)), total: (index * 37) % 23, errors: index % 9 == 4 ? 2 : 0)
        }
    }

    /// The applied filter, built as the parser reads it (a test checks that it does).
    static let filter = Filter(
        text: "service:payments OR timeout",
        expression: .or([.term(.service(.exact("payments"))), .term(.text(.word("timeout")))]))

    /// The canvas at a size, timeline focused, cursor on the payment failure.
    static func state(width: Int, height: Int, focus: Pane = .timeline, maximised: Bool = false) -> CanvasState {
        var state = CanvasState(width: width, height: height, focus: focus, maximised: maximised)
        state.now = time(900)
        state.localOffsetSeconds = 3_600
        state.investigations = InvestigationListState(items: investigations, selected: 1)
        state.timeline = TimelineState(
            rows: rows, cursorID: 1_003, top: 0, reachedStart: true, reachedEnd: true,
            totalCount: 1_234_567, oldest: rows.first?.timestamp, newest: rows.last?.timestamp,
            highlightTerms: filter.highlightTerms, isLoading: false
        )
        state.filterBar.applied = filter
        let stripWidth = state.layout?.densityWidth ?? 0
        state.density = DensityState(buckets: buckets(stripWidth), zoom: 0, from: time(0), to: time(Int64(stripWidth)))
        state.details.detail = detail
        state.notes = NotesState(notes: notes, selected: 1)
        return state
    }
}

@Suite struct SnapshotFixtureFilterTests {
    @Test func theFixtureFilterIsWhatTheParserReads() throws {
        #expect(SnapshotFixture.filter == (try Filter.parse(SnapshotFixture.filter.text)))
    }
}
