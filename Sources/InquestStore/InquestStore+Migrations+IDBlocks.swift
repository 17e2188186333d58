import GRDB

extension InquestStore {
    /// The time range of every block of event ids (see ``IDBlockTimes``).
    static func registerIDBlockMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v15-id-block-times") { db in
            // The time range of every 4,096 ids (see IDBlockTimes), kept by every append, filled
            // here for the events stored before: one pass over the table.
            try db.execute(sql: """
                CREATE TABLE event_id_block (
                  block INTEGER PRIMARY KEY,
                  min_ts INTEGER NOT NULL,
                  max_ts INTEGER NOT NULL
                );
                """)
            try IDBlockTimes.add(db, idsFrom: Int64.min, through: Int64.max)
        }
    }
}
