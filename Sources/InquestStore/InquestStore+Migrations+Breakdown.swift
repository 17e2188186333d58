import GRDB

extension InquestStore {
    static func registerBreakdownMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v17-span-by-start") { db in
            // The trace breakdown reads the spans of a window: without an index on start it
            // scanned every span. The table is WITHOUT ROWID, so the index also carries the
            // primary key (service among it) and answers the breakdown without the table.
            try db.execute(sql: "CREATE INDEX span_by_start ON span(start, duration, status)")
        }
        migrator.registerMigration("v19-minute-counts") { db in
            // Per-minute counts by service, severity, template and source kind, and by host,
            // service, severity and source kind (MinuteCounts), kept by every append: a breakdown
            // those answer reads them for its whole minutes instead of a million rows. Filled
            // here for the events already stored.
            for counts in MinuteCounts.all {
                try db.execute(sql: counts.createSQL)
                try counts.add(db, idsFrom: Int64.min, through: Int64.max)
            }
        }
    }
}
