import Foundation
import GRDB
import InquestCore
import Testing
@testable import InquestStore

@Suite("Appending batches")
struct AppendTests {
    @Test func appendingTheSameBatchTwiceStoresItOnce() throws {
        let store = try InquestStore.inMemory()
        let batch = EventBatch(events: (0..<50).map { StoreFixtures.event($0, ts: Int64($0) * 1000) })

        let first = try store.append(batch)
        let second = try store.append(batch)

        #expect(first.inserted == 50 && first.duplicates == 0)
        #expect(first.lastID.map { $0 - (first.firstID ?? 0) } == 49)
        #expect(second.inserted == 0 && second.duplicates == 50)
        #expect(second.firstID == nil && second.lastID == nil)
        #expect(try store.count(.everything) == 50)
    }

    @Test func storesEveryFieldAndReadsItBack() throws {
        let store = try InquestStore.inMemory()
        var original = StoreFixtures.event(7, ts: -42, severity: .critical, service: nil)
        original.raw = []
        original.timestampText = ""
        original.message = "naïve ☃ message\nwith a second line"

        let result = try store.append(EventBatch(events: [original]))
        let id = try #require(result.firstID)
        let stored = try #require(try store.event(id: id))

        original.id = id
        #expect(stored == original)
    }

    @Test func keepsDeadLettersAndCheckpointWithTheEvents() throws {
        let store = try InquestStore.inMemory()
        let letter = DeadLetter(source: "/var/log/app.log", location: "app.log:12", reason: "no timestamp", raw: Array("???".utf8))

        let result = try store.append(EventBatch(
            events: [StoreFixtures.event(1, ts: 1)], deadLetters: [letter],
            checkpoint: Checkpoint(key: "file:/var/log/app.log", position: "4096")))
        _ = try store.append(EventBatch(deadLetters: [letter], checkpoint: Checkpoint(key: "file:/var/log/app.log", position: "8192")))

        #expect(result.inserted == 1 && result.deadLetters == 1)
        #expect(try store.checkpoint(key: "file:/var/log/app.log")?.position == "8192")
        #expect(try store.checkpoint(key: "file:/other") == nil)
        let letters = try store.deadLetters()
        #expect(letters.count == 1)
        #expect(letters.first?.attempts == 2)
        #expect(letters.first?.raw == Array("???".utf8))
    }

    @Test func aFailingBatchStoresNothingOfIt() throws {
        let store = try InquestStore.inMemory()
        try store.writer.write { db in
            try db.execute(sql: "CREATE TEMP TRIGGER refuse BEFORE INSERT ON checkpoint BEGIN SELECT RAISE(ABORT, 'refused'); END")
        }
        let batch = EventBatch(
            events: [StoreFixtures.event(1, ts: 1), StoreFixtures.event(2, ts: 2)],
            deadLetters: [DeadLetter(source: "s", location: "s:1", reason: "bad", raw: [1])],
            checkpoint: Checkpoint(key: "file:s", position: "10"))

        #expect(throws: StoreError.self) { try store.append(batch) }
        #expect(try store.count(.everything) == 0)
        #expect(try store.deadLetterCount() == 0)
        #expect(try store.checkpoint(key: "file:s") == nil)
    }

    @Test func deadLettersCanBePagedIncrementedAndPurged() throws {
        let store = try InquestStore.inMemory()
        let letters = (1...5).map { DeadLetter(source: $0 % 2 == 0 ? "even" : "odd", location: "line \($0)", reason: "r", raw: [UInt8($0)]) }
        try store.append(EventBatch(deadLetters: letters))

        let firstPage = try store.deadLetters(limit: 2)
        let secondPage = try store.deadLetters(afterID: firstPage.last?.id ?? 0, limit: 10)
        #expect(firstPage.map(\.location) == ["line 1", "line 2"])
        #expect(secondPage.map(\.location) == ["line 3", "line 4", "line 5"])
        let id = try #require(firstPage.first?.id)
        #expect(try store.incrementDeadLetterAttempts(id: id) == 2)
        #expect(try store.deadLetter(id: id)?.attempts == 2)
        try store.deleteDeadLetter(id: id)
        #expect(try store.deadLetter(id: id) == nil)
        #expect(throws: StoreError.notFound(what: "dead letter", id: id)) { try store.deleteDeadLetter(id: id) }
        #expect(try store.purgeDeadLetters(source: "even") == 2)
        #expect(try store.deadLetterCount() == 2)
        #expect(try store.purgeDeadLetters() == 2)
        #expect(try store.deadLetterCount() == 0)
    }
}
