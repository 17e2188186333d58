import GRDB

extension InquestStore {
    static func registerTeamOutboxMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v18-team-outbox") { db in
            // Changes to a team database (PostgreSQL) made while it was unreachable, in the order
            // they were made (`seq`). `change_id` is the change's own id, which the team database
            // records with the change, so a replay that is cut off between the team's commit and
            // the deletion here applies nothing twice. `team` is the database the change is for
            // (its URL without the password); `payload` is the change as JSON, which only the team
            // layer reads. A change the team database refused (it can never apply: its note was
            // deleted, say) is kept with `refused_at` set and skipped, so it holds up nothing and
            // is not lost.
            try db.execute(sql: """
                CREATE TABLE team_outbox (
                  seq INTEGER PRIMARY KEY AUTOINCREMENT,
                  change_id TEXT NOT NULL UNIQUE,
                  team TEXT NOT NULL,
                  payload BLOB NOT NULL,
                  created_at INTEGER NOT NULL,
                  attempts INTEGER NOT NULL DEFAULT 0,
                  last_error TEXT,
                  refused_at INTEGER
                );
                CREATE INDEX team_outbox_by_team ON team_outbox(team, seq);
                """)
        }
    }
}
