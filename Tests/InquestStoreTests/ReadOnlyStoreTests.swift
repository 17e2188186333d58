import Foundation
import InquestCore
import Testing
@testable import InquestStore

@Suite("Reading a store that cannot be written")
struct ReadOnlyStoreTests {
    /// A store with three events, closed cleanly (its WAL checkpointed away), in a fresh directory.
    private func closedStore() throws -> (directory: String, path: String) {
        let directory = try StoreFixtures.temporaryDirectory()
        let path = directory + "/inquest.db"
        do {
            let store = try InquestStore.open(path: path)
            try store.append(EventBatch(events: (1...3).map { StoreFixtures.event($0, ts: Int64($0) * 1_000) }))
            try store.indexFullText()
        }
        return (directory, path)
    }

    private func files(in directory: String) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: directory))
    }

    @Test func readsAnImmutableStoreWithoutCreatingAnyFile() throws {
        // Given a store whose directory cannot be written (tests run as root, where chmod does not
        // stop writes, so the access a read-only directory leads to is chosen directly)
        let (directory, path) = try closedStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for leftover in ["-wal", "-shm", "-fts-wal", "-fts-shm"] { try? FileManager.default.removeItem(atPath: path + leftover) }
        let before = try files(in: directory)
        // When it is opened to read and queried
        let store = try InquestStore.openReadOnly(path: path, access: .immutable, logger: InquestStore.silentLogger)
        #expect(store.isReadOnly)
        #expect(try store.count(.everything) == 3)
        #expect(try store.stats().totalEvents == 3)
        #expect(try store.count(StoreFixtures.text("message")) == 3, "the index is read too")
        let regex = FilterSQLCompiler.compile(try Filter.parse("/^m.ss/"), now: .now())
        #expect(try store.count(regex) == 3, "regexp() is registered on read-only connections too")
        // Then no -wal, -shm or -fts file appeared
        #expect(try files(in: directory) == before)
    }

    @Test func opensReadOnlyWithoutCreatingTheIndexFile() throws {
        let (directory, path) = try closedStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.removeItem(atPath: path + "-fts")
        let store = try InquestStore.openForReading(path: path)
        #expect(try store.count(.everything) == 3)
        #expect(!FileManager.default.fileExists(atPath: path + "-fts"), "reading never creates the index file")
    }

    @Test func writesFailOnAReadOnlyStore() throws {
        let (directory, path) = try closedStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try InquestStore.openForReading(path: path)
        #expect(throws: (any Error).self) { try store.append(EventBatch(events: [StoreFixtures.event(9, ts: 9_000)])) }
    }

    @Test func aMissingStoreIsAClearErrorAndIsNotCreated() throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(throws: StoreError.self) { try InquestStore.openForReading(path: directory + "/none.db") }
        #expect(try files(in: directory).isEmpty)
    }

    @Test func choosesImmutableOnlyWhenNobodyCanWrite() throws {
        let (directory, path) = try closedStore()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(InquestStore.readOnlyAccess(forStore: path) == .shared, "a writable directory: read alongside writers")
        #expect(InquestStore.readOnlyURI("/a b/x?.db", access: .immutable) == "file:/a b/x%3f.db?mode=ro&immutable=1")
        #expect(InquestStore.readOnlyURI("/d/x#1%.db", access: .shared) == "file:/d/x%231%25.db?mode=ro")
    }
}
