import GRDB

extension InquestStore {
    static func registerBreakdownMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v17-span-by-start") { db in
            // The trace breakdown reads the spans of a window: without an index on start it
            // scanned every span. The table is WITHOUT ROWID, so the index also carries the
            // primary key (service among it) and answers the breakdown without the table.
            try db.execute(sql: "CREATE INDEX span_by_start ON span(start, duration, status)")
        }
    }
}
