import GRDB

extension InquestStore {
    /// Tables of the watcher (issue #4): feed leases, so two watchers never run one feed at
    /// once, and feed health, which `inquest status` and the canvas read.
    static func registerFeedsMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v10-feeds-leases") { db in
            try db.execute(sql: """
                CREATE TABLE feed_lease (
                  feed TEXT PRIMARY KEY,
                  owner TEXT NOT NULL,
                  acquired_at INTEGER NOT NULL,
                  expires_at INTEGER NOT NULL
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v10-feeds-health") { db in
            try db.execute(sql: """
                CREATE TABLE feed_health (
                  feed TEXT PRIMARY KEY,
                  kind TEXT NOT NULL,
                  state TEXT NOT NULL,
                  owner TEXT NOT NULL,
                  last_success INTEGER,
                  lag REAL,
                  lag_unit TEXT,
                  events_per_second REAL NOT NULL,
                  events_total INTEGER NOT NULL,
                  error_count INTEGER NOT NULL,
                  dead_letter_count INTEGER NOT NULL,
                  last_error TEXT,
                  circuit TEXT NOT NULL,
                  updated_at INTEGER NOT NULL
                ) WITHOUT ROWID;
                """)
        }
    }
}
