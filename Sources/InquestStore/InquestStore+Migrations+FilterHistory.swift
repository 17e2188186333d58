import GRDB

extension InquestStore {
    static func registerFilterHistoryMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v20-filter-history") { db in
            // The canvas's filter history and saved views live with the events they filter,
            // so they survive restarts and travel with the store.
            try db.execute(sql: """
                CREATE TABLE filter_history (
                  text TEXT PRIMARY KEY NOT NULL,
                  used_at INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX filter_history_by_use ON filter_history(used_at);
                CREATE TABLE saved_view (
                  name TEXT PRIMARY KEY NOT NULL,
                  filter TEXT NOT NULL,
                  linked_investigation_id INTEGER,
                  only_opened INTEGER NOT NULL DEFAULT 0,
                  time_mode TEXT NOT NULL DEFAULT 'utc',
                  saved_at INTEGER NOT NULL
                ) WITHOUT ROWID;
                """)
        }
    }
}
