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
}
