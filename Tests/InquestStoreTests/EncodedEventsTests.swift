import Foundation
import InquestCore
import Testing
@testable import InquestStore

/// `EncodedEvents` is how a file ingest hands its parsed events to the writer; it must store
/// exactly what appending the events themselves stores.
@Suite("Appending flattened events")
struct EncodedEventsTests {
    @Test func storesEveryFieldAsAppendingTheEventsDoes() throws {
        var odd = StoreFixtures.event(3, ts: -42, severity: .critical, service: nil)
        odd.raw = []
        odd.timestampText = ""
        odd.attributesJSON = ""
        odd.message = "naïve ☃ message\nwith a second line"
        odd.traceID = "4bf92f3577b34da6a3ce929d0e0e4736"
        odd.spanID = "00f067aa0ba902b7"
        odd.requestID = "req-7"
        odd.levelText = "CRIT"
        odd.host = "web-1"
        let events = [StoreFixtures.event(1, ts: 10), odd] + (4..<80).map { StoreFixtures.event($0, ts: Int64($0) * 7) }
        let plain = try InquestStore.inMemory()
        let encoded = try InquestStore.inMemory()

        let plainResult = try plain.append(EventBatch(events: events))
        let encodedResult = try encoded.append(EventBatch(events: EncodedEvents(events)))

        #expect(encodedResult == plainResult)
        #expect(encodedResult.inserted == 78)
        let plainRows = try plain.window(.everything, anchor: .oldest, limit: 100)
        let encodedRows = try encoded.window(.everything, anchor: .oldest, limit: 100)
        #expect(encodedRows.count == 78)
        #expect(encodedRows == plainRows)
        let id = try #require(encodedResult.firstID).advanced(by: 1)
        #expect(try encoded.event(id: id) == plain.event(id: id))
        #expect(try encoded.event(id: id)?.attributesJSON == "{}")
    }

    @Test func skipsStoredAndRepeatedKeysAndReportsConsecutiveIDs() throws {
        let store = try InquestStore.inMemory()
        try store.append(EventBatch(events: EncodedEvents((0..<10).map { StoreFixtures.event($0, ts: Int64($0)) })))

        // Events 10..<20, then 5..<25 (5..<20 stored already), then 25..<30 each twice.
        var flattened = EncodedEvents((10..<20).map { StoreFixtures.event($0, ts: Int64($0)) })
        flattened.append(contentsOf: (5..<25).map { StoreFixtures.event($0, ts: Int64($0)) })
        flattened.append(contentsOf: (25..<30).flatMap { [StoreFixtures.event($0, ts: Int64($0)), StoreFixtures.event($0, ts: Int64($0))] })
        let result = try store.append(EventBatch(events: flattened))

        // Duplicates: 5..<10 (stored before), 10..<20 (stored earlier in the batch), 25..<30's second copies.
        #expect(result.inserted == 20)
        #expect(result.duplicates == 5 + 10 + 5)
        #expect(result.firstID == 11 && result.lastID == 30)
        let stored = try store.window(.everything, anchor: .oldest, limit: 100)
        #expect(stored.map(\.message) == (0..<30).map { "message \($0)" })
        #expect(try store.count(.everything) == 30)
    }

    @Test func anEmptyBatchStoresNothing() throws {
        let store = try InquestStore.inMemory()
        let result = try store.append(EventBatch(events: EncodedEvents([])))
        #expect(result.inserted == 0 && result.firstID == nil)
        #expect(EncodedEvents().isEmpty && EncodedEvents().count == 0)
    }
}
