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
            for counts in MinuteCounts.first {
                try db.execute(sql: counts.createSQL)
                try counts.add(db, idsFrom: Int64.min, through: Int64.max)
            }
        }
    }

    /// Registered after v21, in the order the versions were written.
    static func registerAttributeCountMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v22-attribute-counts") { db in
            // Counts per ten minutes by attribute key and value (AttributeCounts), kept by every
            // append: a breakdown by an attribute key reads them instead of every row. The events
            // already stored are not counted (their attributes would be parsed again, and an
            // unreadable one must not fail the upgrade): their buckets are marked, so breakdowns
            // read their rows as before.
            try db.execute(sql: AttributeCounts.createSQL)
            try db.execute(sql: AttributeCounts.markStoredBucketsSQL)
        }
        migrator.registerMigration("v23-attribute-value-counts") { db in
            // Events per value alone (AttributeCounts.valueTable) for a key past the 64-value cap
            // that is not an id, and each bucket row's events and distinct values of such a key.
            // Stored buckets keep their marks (a key over the cap there reads the rows as before).
            try db.execute(sql: AttributeCounts.createValueSQL)
        }
        migrator.registerMigration("v24-minute-file-counts") { db in
            // Counts per ten minutes by file (source name), service, severity and source kind
            // (MinuteCounts.byFile): a breakdown by file reads them instead of every row. Filled
            // here for the events already stored.
            try db.execute(sql: MinuteCounts.byFile.createSQL)
            try MinuteCounts.byFile.add(db, idsFrom: Int64.min, through: Int64.max)
        }
    }
}
