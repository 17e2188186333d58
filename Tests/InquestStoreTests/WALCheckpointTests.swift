import Foundation
import GRDB
import InquestCore
@testable import InquestStore
import Testing

/// A bulk append defers WAL checkpoints, and ``InquestStore/checkpointWAL()`` ends that.
@Suite struct WALCheckpointTests {
    func autocheckpoint(_ store: InquestStore) throws -> Int {
        try store.writer.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") ?? -1 }
    }

    @Test func aDeferredCheckpointLeavesRowsInTheWALUntilCheckpointWALCopiesThem() throws {
        let directory = try StoreFixtures.temporaryDirectory()
        let path = directory + "/wal.db"
        let store = try InquestStore.open(path: path)
        #expect(try autocheckpoint(store) == InquestStore.walAutocheckpointPages)

        try store.deferWALCheckpoints()
        let pageSize = try store.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0 }
        #expect(try autocheckpoint(store) == InquestStore.bulkWALBytes / pageSize)
        // More than the usual interval's worth of pages, in batches: with checkpoints deferred none
        // of them is copied into the database file yet, and every row is visible all the same.
        let message = String(repeating: "x", count: 2_000)
        var n = 0
        while (try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? 0)
            < (InquestStore.walAutocheckpointPages + 64) * pageSize {
            let events = (0..<2_000).map { StoreFixtures.event(n + $0, ts: Int64(n + $0), message: "\(n + $0) \(message)") }
            _ = try store.append(EventBatch(events: events))
            n += events.count
        }
        #expect(try store.count(.everything) == n)
        let before = try store.writer.writeWithoutTransaction { db in try db.checkpoint(.passive) }
        #expect(before.walFrameCount > InquestStore.walAutocheckpointPages)

        try store.checkpointWAL()
        #expect(try autocheckpoint(store) == InquestStore.walAutocheckpointPages)
        let after = try store.writer.writeWithoutTransaction { db in try db.checkpoint(.passive) }
        #expect(after.checkpointedFrameCount == after.walFrameCount, "everything in the WAL is in the database file")
        #expect(try store.count(.everything) == n)
    }
}
