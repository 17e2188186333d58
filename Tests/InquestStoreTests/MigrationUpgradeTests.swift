import Foundation
import GRDB
import InquestCore
import Testing
@testable import InquestStore

@Suite struct MigrationUpgradeTests {
    @Test func aStoreFromBeforeTheRollupIsUpgradedAndBackfilled() throws {
        // Given a file whose schema stopped at v5 and that already holds events
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("inquest-upgrade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("old.db").path
        do {
            let old = try DatabaseQueue(path: path)
            try InquestStore.migrator.migrate(old, upTo: "v5-time-severity-index")
            try old.write { db in
                for n in 0..<120 {
                    try db.execute(
                        sql: """
                            INSERT INTO event (ts, ts_text, time_quality, source_kind, source_name, severity, message, raw, dedupe_key)
                            VALUES (?, '', 0, 'log', 'old.log', ?, 'old event', x'00', ?)
                            """,
                        arguments: [Int64(n) * 60_000_000_000, n % 4 == 0 ? Severity.error.rawValue : Severity.info.rawValue,
                                    Data(DedupeKey(source: "old.log", raw: [UInt8(n)], offset: Int64(n)).bytes)])
                }
            }
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
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("inquest-upgrade-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("old.db").path
        do {
            let old = try DatabaseQueue(path: path)
            try InquestStore.migrator.migrate(old, upTo: "v12-fts-without-column-sizes")
            try old.write { db in
                for n in 0..<50 {
                    try db.execute(
                        sql: """
                            INSERT INTO event (ts, ts_text, time_quality, source_kind, source_name, severity, message, raw, dedupe_key)
                            VALUES (?, '', 0, 'log', 'old.log', 1, ?, x'00', ?)
                            """,
                        arguments: [Int64(n), n % 5 == 0 ? "disk full" : "request served",
                                    Data(DedupeKey(source: "old.log", raw: [UInt8(n)], offset: Int64(n)).bytes)])
                }
                try db.execute(sql: "INSERT INTO event_fts (rowid, message, attributes) SELECT id, message, attributes FROM event")
                try db.execute(sql: "UPDATE fts_state SET last_indexed_id = 50 WHERE id = 1")
            }
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
}
