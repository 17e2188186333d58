import Foundation
import GRDB
import InquestCore
import Testing
@testable import InquestStore

/// Raw records live in compressed blocks (`raw_block`), not in the event rows.
@Suite struct RawBlockTests {
    /// Events whose raw records are `raws`, numbered from `first`.
    static func events(_ raws: [[UInt8]], first: Int = 0, source: String = "blocks.log") -> [Event] {
        raws.enumerated().map { index, raw in
            let n = first + index
            var event = StoreFixtures.event(n, ts: Int64(n), source: source)
            event.raw = raw
            event.dedupeKey = DedupeKey(source: source, raw: raw, offset: Int64(n))
            return event
        }
    }

    static func blockCount(_ store: InquestStore) throws -> Int {
        try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM raw_block") ?? 0 }
    }

    @Test func everyRawRecordComesBackByteForByteFromItsBlock() throws {
        // Given records of every kind: CRLF, non-ASCII, invalid UTF-8, empty, 100 KB, and
        // enough of them to fill several blocks
        var raws: [[UInt8]] = [
            Array("{\"msg\":\"crlf\"}\r".utf8), Array("naïve café – 東京 🚀".utf8), [0xFF, 0xFE, 0x00, 0x1B, 0x5B],
            [], Array(repeating: UInt8(ascii: "x"), count: 100_000),
        ]
        raws += (0..<3_000).map { Array("line \($0) of a longer log record with some padding to fill blocks".utf8) }
        let store = try InquestStore.inMemory()

        // When they are stored in one batch
        let result = try store.append(EventBatch(events: Self.events(raws)))

        // Then each event's raw record reads back exactly, one at a time and as a page
        #expect(result.inserted == raws.count)
        #expect(try Self.blockCount(store) > 1)
        let ids = try #require(result.firstID.map { Array($0...($0 + Int64(raws.count) - 1)) })
        for (id, raw) in zip(ids.prefix(6), raws) {
            #expect(try store.event(id: id)?.raw == raw)
        }
        #expect(try store.events(ids: ids).map(\.raw) == raws)
        // And the rows themselves no longer carry the bytes
        let inRows = try store.writer.read { db in try Int.fetchOne(db, sql: "SELECT sum(length(raw)) FROM event") }
        #expect(inRows == 0)
    }

    @Test func blocksAreCompressed() throws {
        // Given 2,000 similar log lines (about 150 KB)
        let raws = (0..<2_000).map {
            Array("{\"ts\":\"2026-11-20T10:15:03.\($0 % 1000)Z\",\"level\":\"info\",\"msg\":\"request handled\",\"n\":\($0)}".utf8)
        }
        let store = try InquestStore.inMemory()

        // When they are stored
        try store.append(EventBatch(events: Self.events(raws)))

        // Then the blocks hold far fewer bytes than the records
        let (stored, restored) = try store.writer.read { db in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT sum(length(bytes)) AS stored, sum(raw_length) AS restored FROM raw_block"))
            return (row["stored"] as Int, row["restored"] as Int)
        }
        #expect(restored == raws.reduce(0) { $0 + $1.count })
        #expect(stored * 3 < restored)
    }

    @Test func reingestingStoresNoNewBlocks() throws {
        // Given a batch already stored
        let raws = (0..<500).map { Array("record \($0)".utf8) }
        let store = try InquestStore.inMemory()
        try store.append(EventBatch(events: Self.events(raws)))
        let blocks = try Self.blockCount(store)

        // When the same batch is appended again, and then one with new events among old ones
        let again = try store.append(EventBatch(events: Self.events(raws)))
        let mixed = try store.append(EventBatch(events: Self.events(Array(raws.suffix(10)) + [Array("new".utf8)], first: 490)))

        // Then duplicates leave no blocks behind, and the new event reads back from its block
        #expect(again.inserted == 0)
        #expect(try Self.blockCount(store) == blocks + 1)
        #expect(mixed.inserted == 1)
        let newID = try #require(mixed.lastID)
        #expect(try store.event(id: newID)?.raw == Array("new".utf8))
    }

    @Test func eventsStoredBeforeBlocksKeepTheirRawInTheRow() throws {
        // Given a store from before raw blocks whose event holds its raw record in the row
        let path = try MigrationUpgradeTests.oldStore(upTo: "v13-fts-in-own-file", events: 1) { _ in
            (1, Severity.info.rawValue, "old event")
        } then: { db in
            try db.execute(sql: "UPDATE event SET raw = ?", arguments: [Data("old raw line".utf8)])
        }

        // When the store opens it and a new event is added
        let store = try InquestStore.open(path: path)
        let added = try store.append(EventBatch(events: Self.events([Array("new raw line".utf8)])))

        // Then both raw records read back
        let events = try store.events(from: Timestamp(nanoseconds: 0), through: Timestamp(nanoseconds: 10), limit: 10)
        #expect(Set(events.map { String(decoding: $0.raw, as: UTF8.self) }) == ["old raw line", "new raw line"])
        #expect(added.inserted == 1)
    }

    @Test func aDamagedBlockIsAClearErrorNamingIt() throws {
        // Given a stored event whose block was overwritten outside inquest
        let store = try InquestStore.inMemory()
        let result = try store.append(EventBatch(events: Self.events([Array("precious".utf8)])))
        let id = try #require(result.firstID)
        try store.writer.write { db in try db.execute(sql: "UPDATE raw_block SET bytes = x'0102030405'") }

        // When the event is read, then the error names the table, the row and the column
        #expect {
            _ = try store.event(id: id)
        } throws: { error in
            guard case let StoreError.corruptRow(table, _, column, _) = error else { return false }
            return table == "raw_block" && column == "bytes"
        }
    }

    @Test func aBlockStoredUncompressedReadsBackAndAnUnknownCodecIsNamed() throws {
        // Given a stored event whose block is rewritten as plain bytes (codec 0, what an append
        // stores when the compressor cannot get memory)
        let store = try InquestStore.inMemory()
        let result = try store.append(EventBatch(events: Self.events([Array("first".utf8), Array("second".utf8)])))
        let first = try #require(result.firstID)
        try store.writer.write { db in
            try db.execute(sql: "UPDATE raw_block SET codec = 0, bytes = ?", arguments: [Data("firstsecond".utf8)])
        }

        // Then both records read back from it
        #expect(try store.events(ids: [first, first + 1]).map(\.raw) == [Array("first".utf8), Array("second".utf8)])

        // And a codec this build does not know is an error naming that column
        try store.writer.write { db in try db.execute(sql: "UPDATE raw_block SET codec = 9") }
        #expect {
            _ = try store.event(id: first)
        } throws: { error in
            guard case let StoreError.corruptRow(table, _, column, value) = error else { return false }
            return table == "raw_block" && column == "codec" && value == "9"
        }
    }

    @Test func eventsOfInterleavedSourcesReadBackFromTheirOwnBlocks() throws {
        // Given twelve sources stored one batch each, their times interleaved, so that reading
        // in time order switches block at every event (more blocks than the reader keeps)
        let store = try InquestStore.inMemory()
        for source in 0..<12 {
            let events = (0..<50).map { n -> Event in
                let raw = Array("source \(source) record \(n)".utf8)
                var event = StoreFixtures.event(n, ts: Int64(n * 12 + source), source: "s\(source).log")
                event.raw = raw
                event.dedupeKey = DedupeKey(source: "s\(source).log", raw: raw, offset: Int64(n))
                return event
            }
            try store.append(EventBatch(events: events))
        }

        // When they are read in time order, then each raw record is its own
        let events = try store.events(from: Timestamp(nanoseconds: 0), through: Timestamp(nanoseconds: 10_000), limit: 1_000)
        #expect(events.count == 600)
        for event in events {
            let n = event.timestamp.nanoseconds / 12
            let source = event.timestamp.nanoseconds % 12
            #expect(String(decoding: event.raw, as: UTF8.self) == "source \(source) record \(n)")
        }
    }
}
