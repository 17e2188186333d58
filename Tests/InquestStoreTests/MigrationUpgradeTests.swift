import Foundation
import GRDB
import InquestCore
import Testing
@testable import InquestStore

@Suite struct MigrationUpgradeTests {
    @Test func aStoreFromBeforeTheRollupIsUpgradedAndBackfilled() throws {
        // Given a file whose schema stopped at v5 and that already holds events
        let path = try Self.oldStore(upTo: "v5-time-severity-index", events: 120) { n in
            (Int64(n) * 60_000_000_000, n % 4 == 0 ? Severity.error.rawValue : Severity.info.rawValue, "old event")
        }

        // When the store opens it
        let store = try InquestStore.open(path: path)

        // Then the new migration ran and its rollup counts the old events
        let applied = try store.writer.read { db in try InquestStore.migrator.appliedIdentifiers(db) }
        #expect(applied.contains("v6-minute-rollup"))
        let buckets = try store.histogram(.everything, from: Timestamp(nanoseconds: 0), to: Timestamp(nanoseconds: 120 * 60_000_000_000 - 1), buckets: 12)
        #expect(buckets.map(\.total) == Array(repeating: 10, count: 12))
        #expect(buckets.map(\.errors).reduce(0, +) == 30)
        #expect(try store.count(.everything) == 120)
    }

    @Test func aStoreWithTheIndexInsideMovesItToItsOwnFile() throws {
        // Given a file at v12 whose events are already in the in-store full-text index
        let path = try Self.oldStore(upTo: "v12-fts-without-column-sizes", events: 50) { n in
            (Int64(n), Severity.info.rawValue, n % 5 == 0 ? "disk full" : "request served")
        } then: { db in
            try db.execute(sql: "INSERT INTO event_fts (rowid, message, attributes) SELECT id, message, attributes FROM event")
            try db.execute(sql: "UPDATE fts_state SET last_indexed_id = 50 WHERE id = 1")
        }

        // When the store opens it
        let store = try InquestStore.open(path: path)

        // Then the old index is gone from the store, and text queries read the new file
        let inStore = try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM main.sqlite_master WHERE name IN ('event_fts', 'fts_state')")
        }
        #expect(inStore.isEmpty)
        #expect(try store.fullTextBacklog() == 50)
        #expect(try store.count(StoreFixtures.text("disk")) == 10)
        #expect(try store.fullTextBacklog() == 0)
        #expect(FileManager.default.fileExists(atPath: path + "-fts"))
    }

    /// A store file migrated only up to `migration`, holding `events` rows made by `row(n)`
    /// (time, severity, message), then changed by `then`; its path.
    static func oldStore(
        upTo migration: String, events: Int, row: (Int) -> (ts: Int64, severity: Int, message: String),
        then: (Database) throws -> Void = { _ in }
    ) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("inquest-upgrade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("old.db").path
        let old = try DatabaseQueue(path: path)
        try InquestStore.migrator.migrate(old, upTo: migration)
        try old.write { db in
            for n in 0..<events {
                let (ts, severity, message) = row(n)
                try db.execute(
                    sql: """
                        INSERT INTO event (ts, ts_text, time_quality, source_kind, source_name, severity, message, raw, dedupe_key)
                        VALUES (?, '', 0, 'log', 'old.log', ?, ?, x'00', ?)
                        """,
                    arguments: [ts, severity, message, Data(DedupeKey(source: "old.log", raw: [UInt8(truncatingIfNeeded: n)], offset: Int64(n)).bytes)])
            }
            try then(db)
        }
        try old.close()
        return path
    }
}
