import InquestCore
@testable import InquestRender
import InquestViewModel
import Testing

/// The suspects overlay at 80×24 and 120×40: three ranked services with their evidence, one
/// summary carrying terminal escapes (sanitised), the second evidence row selected.
@Suite struct SnapshotSuspectsOverlayTests {
    static let sizes: [(Int, Int)] = [(80, 24), (120, 40)]

    static func evidence(_ kind: SuspectEvidence.Kind, _ summary: String, _ filter: String) -> SuspectEvidence {
        SuspectEvidence(kind: kind, summary: summary, filter: (try? Filter.parse(filter)) ?? .everything, contribution: 1)
    }

    static let ranking = [
        Suspect(service: "ts-contacts-service", score: 3.127, evidence: [
            evidence(.spans, "own p90 latency 40 ms → 20 s over 212 spans", #"service:ts-contacts-service source:spans after:"2023-01-29T08:43:04Z""#),
            evidence(.logTemplate, "template 17 `connection to <*> refused` 0 → 212 events", "service:ts-contacts-service template:17"),
            evidence(.metric, "CPU 1% → 99% at 08:44", "service:ts-contacts-service source:metrics"),
        ]),
        Suspect(service: "ts-preserve-service", score: 0.91, evidence: [
            evidence(.calls, "calls to ts-contacts-service: errors 0 → 37\u{1B}[31m", "service:ts-preserve-service"),
        ]),
        Suspect(service: "ts-order-service", score: 0.052, evidence: [
            evidence(.change, "deploy ts-order-service v2.3.1 9 min before", "source:changes service:ts-order-service"),
        ]),
    ]

    static func state(width: Int, height: Int) -> CanvasState {
        var state = SnapshotFixture.state(width: width, height: height)
        state.suspectsOverlay = SuspectsOverlayState(
            requestedTime: Timestamp(seconds: 1_674_981_784), time: Timestamp(seconds: 1_674_981_784), suspects: ranking, selected: 1)
        return state
    }

    @Test(arguments: sizes)
    func suspectsOverlay(width: Int, height: Int) throws {
        let buffer = CanvasRenderer.render(Self.state(width: width, height: height), width: width, height: height)
        try Snapshot.assertMatches(buffer, named: "suspects-\(width)x\(height)")
        let text = buffer.textLines().joined(separator: "\n")
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("ts-contacts-service"))
        #expect(text.contains("Enter filters: service:ts-contacts-service template:17"))
    }

    @Test func rankingFailureAndEmptyStatesSaySo() {
        var state = SnapshotFixture.state(width: 120, height: 40)
        state.suspectsOverlay = SuspectsOverlayState(requestedTime: nil)
        #expect(CanvasRenderer.render(state, width: 120, height: 40).textLines().joined().contains("ranking… at the start of the latest error burst"))
        state.suspectsOverlay = SuspectsOverlayState(requestedTime: nil, failure: "No error events to start from")
        #expect(CanvasRenderer.render(state, width: 120, height: 40).textLines().joined().contains("No error events to start from"))
        state.suspectsOverlay = SuspectsOverlayState(requestedTime: nil, time: Timestamp(seconds: 1), suspects: [])
        #expect(CanvasRenderer.render(state, width: 120, height: 40).textLines().joined().contains("No suspects"))
    }

    @Test func theSelectedRowStaysOnScreenInALongList() {
        var state = SnapshotFixture.state(width: 80, height: 24)
        let many = (1...30).map { Suspect(service: "svc-\($0)", score: Double(31 - $0), evidence: [Self.evidence(.spans, "row \($0)", "service:svc-\($0)")]) }
        state.suspectsOverlay = SuspectsOverlayState(requestedTime: nil, time: Timestamp(seconds: 1), suspects: many, selected: 27)
        let text = CanvasRenderer.render(state, width: 80, height: 24).textLines().joined(separator: "\n")
        #expect(text.contains("row 28"))
        #expect(!text.contains(" 1. svc-1 "))
    }
}
