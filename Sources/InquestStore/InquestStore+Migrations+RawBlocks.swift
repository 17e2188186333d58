import GRDB

extension InquestStore {
    /// Raw records in compressed blocks (see ``RawBlockCodec``) instead of in each event row.
    static func registerRawBlockMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v14-raw-blocks") { db in
            // An event stored from now on names its block and its record's bytes in it and
            // leaves `raw` empty; events stored before keep `raw` in the row (raw_block NULL).
            // No foreign key from event.raw_block: checking it would cost every insert an index
            // probe, and nothing deletes blocks that events still name (an append deletes only
            // the blocks of its own batch that none of its new rows use).
            try db.execute(sql: """
                CREATE TABLE raw_block (
                  id INTEGER PRIMARY KEY,
                  codec INTEGER NOT NULL,
                  raw_length INTEGER NOT NULL,
                  bytes BLOB NOT NULL
                );
                ALTER TABLE event ADD COLUMN raw_block INTEGER;
                ALTER TABLE event ADD COLUMN raw_offset INTEGER;
                ALTER TABLE event ADD COLUMN raw_length INTEGER;
                """)
        }
    }
}
