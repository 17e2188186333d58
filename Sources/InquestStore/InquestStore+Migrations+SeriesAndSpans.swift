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
