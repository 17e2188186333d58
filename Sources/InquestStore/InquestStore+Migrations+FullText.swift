import GRDB

extension InquestStore {
    /// The full-text index moved out of the store into a file of its own (see ``FullTextIndex``).
    ///
    /// `v12-fts-without-column-sizes` (shipped) made the in-store index drop per-row token counts
    /// (`columnsize=0`): only ranking reads them, and results are in time order. Indexing 1M
    /// bench events took about 30% less CPU. `detail=none` (rows only, no positions) was tried
    /// and rejected: FTS5 then refuses phrases, and checking phrase order per candidate row made
    /// phrase filters 2–3× slower (a canvas filter's first page went from ~25 to ~70 ms on 1M events).
    ///
    /// `v13-fts-in-own-file` drops the in-store index and its state; the index file is filled
    /// from the store the next time it is needed (a text query, an ingest, a watcher).
    static func registerFullTextMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v12-fts-without-column-sizes") { db in
            try db.execute(sql: """
                DROP TABLE IF EXISTS event_fts;
                CREATE VIRTUAL TABLE event_fts USING fts5(
                  message, attributes, content='event', content_rowid='id', tokenize='unicode61',
                  columnsize=0);
                UPDATE fts_state SET last_indexed_id = 0 WHERE id = 1;
                """)
        }
    }

    /// Registered after every other migration (the index file relies on `store_identity`).
    static func registerFullTextFileMigration(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v13-fts-in-own-file") { db in
            try db.execute(sql: """
                DROP TABLE IF EXISTS event_fts;
                DROP TABLE IF EXISTS fts_state;
                """)
        }
    }
}
