import InquestCore
import Testing
@testable import InquestViewModel

@Suite struct EffectSchedulingTests {
    static let errors = TimelineQuery(filter: (try? Filter.parse("sev:error")) ?? Filter.everything)
    static let timeouts = TimelineQuery(filter: (try? Filter.parse("timeout")) ?? Filter.everything)

    @Test func eachEffectSaysHowItRuns() {
        #expect(CanvasEffect.loadWindow(requestID: 1, query: Self.errors, anchor: .newest, limit: 10).scheduling == .read(.window))
        #expect(CanvasEffect.loadCount(requestID: 1, query: Self.errors).scheduling == .read(.count))
        #expect(CanvasEffect.rankSuspects(requestID: 1, at: nil).scheduling == .analysis)
        #expect(CanvasEffect.setStar(eventID: 3, starred: true).scheduling == .write)
        #expect(CanvasEffect.linkEvents(query: Self.errors, investigationID: 1, reason: "r", limit: 5).scheduling == .write)
        #expect(CanvasEffect.recordFilter("sev:error").scheduling == .unseenWrite)
        #expect(CanvasEffect.deleteView(name: "x").scheduling == .unseenWrite)
        #expect(CanvasEffect.copyEventLink(eventID: 3).scheduling == .terminal)
        #expect(CanvasEffect.quit.scheduling == .terminal)
    }

    @Test func aCountOfANewQueryDropsTheOldQuerysHistogramOnly() {
        let epoch = Timestamp(nanoseconds: 0)
        let histogram = CanvasEffect.loadHistogram(requestID: 1, query: Self.errors, from: epoch, to: epoch, buckets: 10)
        #expect(CanvasEffect.loadCount(requestID: 2, query: Self.timeouts).supersedes(histogram))
        #expect(!CanvasEffect.loadCount(requestID: 2, query: Self.errors).supersedes(histogram))
        #expect(!histogram.supersedes(.loadCount(requestID: 2, query: Self.timeouts)))
        #expect(!CanvasEffect.loadWindow(requestID: 2, query: Self.timeouts, anchor: .newest, limit: 10).supersedes(histogram))
    }
}
