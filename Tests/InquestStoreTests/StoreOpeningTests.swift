import Foundation
import GRDB
import InquestCore
import Testing
@testable import InquestStore

@Suite("Opening the store")
struct StoreOpeningTests {
    @Test func migratesAnEmptyInMemoryDatabase() throws {
        let store = try InquestStore.inMemory()
        let tables = try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        for table in ["event", "star", "event_tag", "investigation", "event_link", "note", "dead_letter", "checkpoint", "meta", "event_minute", "audit", "feed_lease", "feed_health", "metric_series", "metric_sample", "span"] {
            #expect(tables.contains(table), "missing table \(table)")
        }
        // The full-text index is not in the store but attached beside it.
        #expect(!tables.contains("event_fts") && !tables.contains("fts_state"))
        let indexTables = try store.writer.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM fts.sqlite_master WHERE type = 'table' ORDER BY name")
        }
        #expect(indexTables.contains("event_fts") && indexTables.contains("fts_state"))
        let applied = try store.writer.read { db in try InquestStore.migrator.appliedIdentifiers(db) }
        #expect(applied.isSuperset(of: [
            "v1-events", "v2-annotations", "v3-investigations", "v4-ingest-state", "v5-time-severity-index",
            "v6-minute-rollup", "v7-one-time-index", "v8-audit", "v9-series-samples-spans", "v10-feeds-leases",
            "v10-feeds-health", "v11-exchange-origin", "v12-fts-without-column-sizes", "v13-fts-in-own-file",
        ]))
        #expect(try store.writer.read { db in try InquestStore.migrator.hasCompletedMigrations(db) })
    }

    @Test func reopensAnExistingFileKeepingItsEvents() throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/inquest.db"
        do {
            let store = try InquestStore.open(path: path)
            try store.append(EventBatch(events: [StoreFixtures.event(1, ts: 10)]))
        }
        let reopened = try InquestStore.open(path: path)
        #expect(try reopened.count(.everything) == 1)
        let journal = try reopened.writer.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
        let foreignKeys = try reopened.writer.read { db in try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") }
        #expect(foreignKeys == true)
        let pageSize = try reopened.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA page_size") }
        #expect(pageSize == 16384)
    }

    @Test func createsTheDirectoryPrivateAndTheFileOwnerOnly() throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let nested = directory + "/data/inquest"
        let path = nested + "/inquest.db"
        let previous = umask(0o022)
        defer { umask(previous) }
        let store = try InquestStore.open(path: path)
        try store.append(EventBatch(events: [StoreFixtures.event(1, ts: 1)]))
        #expect(try StoreFixtures.mode(nested) == 0o700)
        #expect(try StoreFixtures.mode(path) == 0o600)
        #expect(try StoreFixtures.mode(path + "-wal") == 0o600)
    }

    @Test func reportsAPathThatCannotBeOpened() throws {
        let directory = try StoreFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let blocker = directory + "/file"
        _ = FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8))
        #expect {
            try InquestStore.open(path: blocker + "/inquest.db")
        } throws: { error in
            guard case .cannotOpen(let path, _)? = error as? StoreError else { return false }
            return path == blocker + "/inquest.db"
        }
    }

    @Test func defaultPathPrefersFlagThenEnvironmentThenXDGThenHome() {
        let environment = ["INQUEST_DB": "/env/db", "XDG_DATA_HOME": "/xdg", "HOME": "/home/ann"]
        #expect(InquestStore.defaultPath(explicit: "/flag/db", environment: environment) == "/flag/db")
        #expect(InquestStore.defaultPath(explicit: nil, environment: environment) == "/env/db")
        #expect(InquestStore.defaultPath(explicit: nil, environment: ["XDG_DATA_HOME": "/xdg", "HOME": "/home/ann"]) == "/xdg/inquest/inquest.db")
        #expect(InquestStore.defaultPath(explicit: nil, environment: ["HOME": "/home/ann"]) == "/home/ann/.local/share/inquest/inquest.db")
        #expect(InquestStore.defaultPath(explicit: "", environment: ["INQUEST_DB": "", "HOME": "/h"]) == "/h/.local/share/inquest/inquest.db")
    }
}
