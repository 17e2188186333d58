import GRDB

extension InquestStore {
    /// Compact storage of metric samples and trace spans (not one event per sample or span).
    static func registerSeriesAndSpansMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v9-series-samples-spans") { db in
            // A series is a name plus its labels as canonical JSON (keys sorted), stored once;
            // a sample is (series_id, ts, value) in a WITHOUT ROWID table keyed by both, so one
            // sample costs ~20 bytes and re-ingesting the same sample stores nothing.
            // A NaN value (a gap) is stored as NULL.
            try db.execute(sql: """
                CREATE TABLE metric_series (
                  id INTEGER PRIMARY KEY,
                  name TEXT NOT NULL,
                  labels TEXT NOT NULL DEFAULT '{}',
                  UNIQUE (name, labels)
                );
                CREATE TABLE metric_sample (
                  series_id INTEGER NOT NULL REFERENCES metric_series(id) ON DELETE CASCADE,
                  ts INTEGER NOT NULL,
                  value REAL,
                  PRIMARY KEY (series_id, ts)
                ) WITHOUT ROWID;
                CREATE TABLE span (
                  trace_id TEXT NOT NULL,
                  span_id TEXT NOT NULL,
                  kind TEXT NOT NULL DEFAULT '',
                  service TEXT NOT NULL,
                  parent_span_id TEXT,
                  operation TEXT NOT NULL,
                  start INTEGER NOT NULL,
                  duration INTEGER NOT NULL,
                  status TEXT NOT NULL,
                  error_message TEXT,
                  host TEXT,
                  attributes TEXT NOT NULL DEFAULT '{}',
                  PRIMARY KEY (trace_id, span_id, kind, service)
                ) WITHOUT ROWID;
                """)
        }
    }
}

extension InquestStore {
    /// Registered after v24, in the order the versions were written.
    static func registerSeriesExtentMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v25-series-extent") { db in
            // Each series carries its extent (sample count, first and last time, smallest and
            // largest value), kept by the one insert path in the same transaction as its samples,
            // so listing the series reads one row per series instead of every sample. Samples
            // are never deleted but with their series (ON DELETE CASCADE), so the columns stay exact.
            try db.execute(sql: """
                ALTER TABLE metric_series ADD COLUMN sample_count INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE metric_series ADD COLUMN first_ts INTEGER;
                ALTER TABLE metric_series ADD COLUMN last_ts INTEGER;
                ALTER TABLE metric_series ADD COLUMN min_value REAL;
                ALTER TABLE metric_series ADD COLUMN max_value REAL;
                UPDATE metric_series SET (sample_count, first_ts, last_ts, min_value, max_value) = (
                  SELECT count(*), min(ts), max(ts), min(value), max(value)
                  FROM metric_sample WHERE series_id = metric_series.id);
                """)
        }
    }
}
