import InquestCore
import Testing
@testable import InquestStore

@Suite("Full-text catch-up")
struct FullTextTests {
    @Test func indexesInBatchesAndThenMatches() throws {
        let store = try InquestStore.inMemory()
        let events = (0..<25).map { n in
            StoreFixtures.event(n, ts: Int64(n), message: n % 5 == 0 ? "checksum mismatch on block \(n)" : "request served \(n)")
        }
        try store.append(EventBatch(events: events))
        #expect(try store.fullTextBacklog() == 25)

        #expect(try store.indexFullText(maxRows: 10) == 10)
        #expect(try store.fullTextBacklog() == 15)
        #expect(try store.indexFullText() == 15)
        #expect(try store.fullTextBacklog() == 0)
        #expect(try store.indexFullText() == 0)

        let matches = try store.window(StoreFixtures.text("checksum AND mismatch"), anchor: .oldest, limit: 100)
        #expect(matches.map(\.message) == (0..<5).map { "checksum mismatch on block \($0 * 5)" })
    }

    @Test func aTextQueryCatchesUpFirstSoItNeverMissesRows() throws {
        let store = try InquestStore.inMemory()
        try store.append(EventBatch(events: [StoreFixtures.event(1, ts: 1, message: "disk full")]))
        try store.indexFullText()
        try store.append(EventBatch(events: [StoreFixtures.event(2, ts: 2, message: "disk full again")]))

        #expect(try store.count(StoreFixtures.text("disk")) == 2)
        #expect(try store.fullTextBacklog() == 0)
        // Attributes are indexed too: "2" is only in the second event's attributes ({"n":2}).
        #expect(try store.count(StoreFixtures.text("2")) == 1)
    }
}
