import InquestCanvas
import InquestCore
import InquestStore
import InquestViewModel
import Testing

/// The suspects overlay's effects against a real store: ranking (and its failure as a
/// result), and linking the events behind an evidence row with a cap.
@Suite struct SuspectsEffectsTests {
    @Test func linkingAnEvidenceRowsEventsStopsAtTheCapAndSaysSo() throws {
        let store = try CanvasStoreFixture.store(count: 200)
        let investigation = try store.createInvestigation(Investigation(title: "Timeouts"))
        let id = try #require(investigation.id)
        let executor = CanvasEffectExecutor(store: store)
        let timeouts = TimelineQuery(filter: try Filter.parse("timeout"))

        let capped = try executor.execute(.linkEvents(query: timeouts, investigationID: id, reason: "suspect api: timeouts", limit: 5))
        #expect(capped == [.eventsLinked(investigationID: id, count: 5, capped: true)])
        let firstLinks = try store.links(investigationID: id)
        #expect(firstLinks.map(\.eventID).sorted() == [11, 22, 33, 44, 55])
        #expect(firstLinks.allSatisfy { $0.reason == "suspect api: timeouts" })

        // Every 11th of 200 events is a timeout: 18 in all.
        let all = try executor.execute(.linkEvents(query: timeouts, investigationID: id, reason: "again", limit: 50))
        #expect(all == [.eventsLinked(investigationID: id, count: 18, capped: false)])
        #expect(try store.links(investigationID: id).count == 18)
    }

    @Test func rankingAnEmptyStoreIsAResultThatSaysWhy() throws {
        let executor = CanvasEffectExecutor(store: try InquestStore.inMemory())
        let actions = try executor.execute(.rankSuspects(requestID: 4, at: nil))
        guard case .suspectsFailed(let requestID, let message) = try #require(actions.first) else {
            Issue.record("expected a failure, got \(actions)")
            return
        }
        #expect(requestID == 4)
        #expect(message.contains("No error events"))
    }

    @Test func rankingAtAGivenTimeAnswersForThatTime() throws {
        let executor = CanvasEffectExecutor(store: try CanvasStoreFixture.store(count: 200))
        let time = CanvasStoreFixture.time(100)
        let actions = try executor.execute(.rankSuspects(requestID: 9, at: time))
        guard case .suspectsRanked(let requestID, let rankedAt, let suspects) = try #require(actions.first) else {
            Issue.record("expected a ranking, got \(actions)")
            return
        }
        #expect(requestID == 9)
        #expect(rankedAt == time)
        // One service whose errors keep the same rate before and after: nothing stands out as new.
        #expect(suspects.allSatisfy { $0.service == "api" })
    }
}
