import Foundation
import GRDB
import InquestCore
import Testing
@testable import InquestStore

/// The full-text index in its own file beside the store: created with the store, rebuilt when
/// missing or foreign, and written without the store's write lock.
@Suite("Full-text index file")
struct FullTextFileTests {
    let directory: String
    let path: String

    init() throws {
        directory = try StoreFixtures.temporaryDirectory()
        path = directory + "/inquest.db"
    }

    func events(_ range: Range<Int>, source: String = "app.log") -> EventBatch {
        EventBatch(events: range.map { StoreFixtures.event($0, ts: Int64($0), message: "disk \($0 % 2 == 0 ? "full" : "ok")", source: source) })
    }

    @Test func theIndexLivesInItsOwnPrivateFileBesideTheStore() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try InquestStore.open(path: path)
        try store.append(events(0..<10))
        #expect(try store.count(StoreFixtures.text("full")) == 5)
        #expect(FileManager.default.fileExists(atPath: path + "-fts"))
        #expect(try StoreFixtures.mode(path + "-fts") & 0o777 == 0o600)
        let inStore = try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM main.sqlite_master WHERE name LIKE '%fts%'")
        }
        #expect(inStore.isEmpty)
    }

    @Test func aDeletedIndexIsBuiltAgainFromTheStore() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        do {
            let store = try InquestStore.open(path: path)
            try store.append(events(0..<10))
            #expect(try store.indexFullText() == 10)
        }
        for suffix in ["-fts", "-fts-wal", "-fts-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }

        let reopened = try InquestStore.open(path: path)
        #expect(try reopened.fullTextBacklog() == 10)
        #expect(try reopened.count(StoreFixtures.text("full")) == 5)
        #expect(try reopened.fullTextBacklog() == 0)
    }

    @Test func anIndexOfAnotherStoreIsEmptiedAndRefilled() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let otherPath = directory + "/other.db"
        do {
            let other = try InquestStore.open(path: otherPath)
            try other.append(events(0..<40, source: "other.log"))
            #expect(try other.indexFullText() == 40)
            let store = try InquestStore.open(path: path)
            try store.append(events(0..<10))
        }
        // The other store's index (40 rows, "full" in 20) is put beside this store.
        try FileManager.default.removeItem(atPath: path + "-fts")
        try FileManager.default.copyItem(atPath: otherPath + "-fts", toPath: path + "-fts")

        let store = try InquestStore.open(path: path)
        #expect(try store.fullTextBacklog() == 10)
        #expect(try store.count(StoreFixtures.text("full")) == 5)
        let indexed = try store.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM fts.event_fts WHERE event_fts MATCH 'disk'")
        }
        #expect(indexed == 10)
    }

    @Test func indexingDoesNotWaitForTheStoresWriter() throws {
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try InquestStore.open(path: path)
        try store.append(events(0..<1_000))
        let other = try InquestStore.open(path: path)

        // Another connection holds the store's write lock until indexing has finished (or 20 s).
        let holding = DispatchSemaphore(value: 0)
        let indexed = DispatchSemaphore(value: 0)
        let holder = Thread {
            try? other.writer.write { db in
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('held', 1) ON CONFLICT(key) DO UPDATE SET value = 1")
                holding.signal()
                _ = indexed.wait(timeout: .now() + 20)
            }
            holding.signal()
        }
        holder.start()
        holding.wait()

        // Indexing would fail with "database is locked" after the 5 s busy timeout if it needed it.
        let count = Result { try store.indexFullText() }
        indexed.signal()
        holding.wait()
        #expect(try count.get() == 1_000)
        #expect(try store.count(StoreFixtures.text("full")) == 500)
    }

    @Test func indexingThroughAnIdStopsThere() throws {
        // What a text query does: index what it can see, not what another process appends meanwhile.
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try InquestStore.open(path: path)
        try store.append(events(0..<100))
        #expect(try store.fullText.index(through: 40) == 40)
        #expect(try store.fullTextBacklog() == 60)
        #expect(try store.fullText.index(maxRows: 25) == 25)
        #expect(try store.fullText.index() == 35)
        #expect(try store.fullTextBacklog() == 0)
    }
}
