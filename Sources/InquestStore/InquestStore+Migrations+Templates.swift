import GRDB

extension InquestStore {
    static func registerTemplateMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v16-log-templates") { db in
            // Log templates mined while ingesting (see LogTemplate): id assigned at creation and
            // kept when the text widens; an absorbed template keeps its row with merged_into set.
            // `count` is the events stored with that id (not those of templates merged into it).
            // No index on event.template_id: every append would pay for it; a template filter
            // walks the time index like a text filter does.
            try db.execute(sql: """
                CREATE TABLE log_template (
                  id INTEGER PRIMARY KEY,
                  text TEXT NOT NULL,
                  merged_into INTEGER,
                  count INTEGER NOT NULL DEFAULT 0
                );
                ALTER TABLE event ADD COLUMN template_id INTEGER;
                """)
        }
    }
}
