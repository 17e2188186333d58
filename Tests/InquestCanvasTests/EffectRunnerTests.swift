import Foundation
import InquestCore
import InquestStore
import InquestViewModel
import Testing
@testable import InquestCanvas

/// The effect thread against a real store: a load superseded while it runs is cut short and
/// reports nothing, and the newer load's result arrives.
@Suite struct EffectRunnerTests {
    /// Polls `inbox` until `done` holds for everything drained so far (or a minute passes).
    static func collect(_ inbox: ActionInbox, until done: ([CanvasAction]) -> Bool) -> [CanvasAction] {
        var actions: [CanvasAction] = []
        let deadline = Date().addingTimeInterval(60)
        while !done(actions) && Date() < deadline {
            actions += inbox.drain()
            usleep(1_000)
        }
        return actions
    }

    /// A regex with no literal: every message goes through the regex.
    static var slow: TimelineQuery {
        get throws { TimelineQuery(filter: try Filter.parse("/[a-z]+ [0-9]+[0-9]$/")) }
    }

    /// A started runner over an in-memory store of 50,000 events, and its inbox.
    static func startedRunner() throws -> (EffectRunner, ActionInbox) {
        let store = try InquestStore.inMemory()
        _ = try store.append(EventBatch(events: (1...Int64(50_000)).map(CanvasStoreFixture.event)))
        let inbox = ActionInbox()
        let runner = EffectRunner(store: store, inbox: inbox, logger: InquestStore.silentLogger)
        runner.start()
        return (runner, inbox)
    }

    /// Submits `effect` and waits until the runner is executing it (its kind is `kind`).
    static func run(_ runner: EffectRunner, _ effect: CanvasEffect, until kind: EffectScheduling.ReadKind) throws {
        runner.submit([effect])
        let deadline = Date().addingTimeInterval(60)
        while runner.runningKind != kind && Date() < deadline { usleep(200) }
        #expect(runner.runningKind == kind, "the slow \(kind) is running")
    }

    static func countResult(_ action: CanvasAction) -> (requestID: Int, count: Int)? {
        guard case .countLoaded(let requestID, let count, _, _) = action else { return nil }
        return (requestID, count)
    }

    @Test func aCountSupersededWhileItRunsIsCutShortAndTheNewerOneArrives() throws {
        // Given a store where a regex with no literal has to scan every message, counting it
        let (runner, inbox) = try Self.startedRunner()
        defer { runner.stop() }
        try Self.run(runner, .loadCount(requestID: 1, query: Self.slow), until: .count)

        // When a new filter's count is asked for while it runs
        runner.submit([.loadCount(requestID: 2, query: TimelineQuery(filter: try Filter.parse("sev:error")))])

        // Then the newer count arrives, and the superseded one neither answers nor fails
        let actions = Self.collect(inbox) { $0.contains { Self.countResult($0)?.requestID == 2 } }
        let counts = actions.compactMap(Self.countResult)
        #expect(counts.map(\.requestID) == [2], "\(actions)")
        #expect(counts.first?.count == 50_000 / 7)
        #expect(!actions.contains { if case .effectFailed = $0 { true } else { false } }, "\(actions)")
    }

    @Test func aNewQuerysCountCutsTheOldQuerysHistogramShortButAStoreChangeDoesNot() throws {
        // Given the histogram of a slow regex filter running
        let (runner, inbox) = try Self.startedRunner()
        defer { runner.stop() }
        let from = CanvasStoreFixture.time(1)
        let to = CanvasStoreFixture.time(50_000)
        try Self.run(runner, .loadHistogram(requestID: 1, query: Self.slow, from: from, to: to, buckets: 40), until: .histogram)

        // When the count of another query is asked for (the filter changed)
        runner.submit([.loadCount(requestID: 2, query: TimelineQuery(filter: try Filter.parse("sev:error")))])

        // Then the count arrives and the old histogram reports nothing
        let actions = Self.collect(inbox) { $0.contains { Self.countResult($0)?.requestID == 2 } }
        #expect(actions.contains { Self.countResult($0)?.requestID == 2 }, "\(actions)")
        #expect(!actions.contains { if case .histogramLoaded = $0 { true } else { false } }, "\(actions)")
        #expect(!actions.contains { if case .effectFailed = $0 { true } else { false } }, "\(actions)")

        // But a count of the same query (a store change's recount) lets its histogram finish
        let small = TimelineQuery(filter: try Filter.parse("sev:error"))
        runner.submit([.loadHistogram(requestID: 3, query: small, from: from, to: to, buckets: 40), .loadCount(requestID: 4, query: small)])
        let after = Self.collect(inbox) { actions in
            actions.contains { if case .histogramLoaded(3, _, _, _) = $0 { true } else { false } } && actions.contains { Self.countResult($0)?.requestID == 4 }
        }
        #expect(after.contains { if case .histogramLoaded(3, _, _, _) = $0 { true } else { false } }, "\(after)")
    }
}
