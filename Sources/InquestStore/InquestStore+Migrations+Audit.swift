import GRDB

extension InquestStore {
    /// The audit trail: one `audit` row per change to an investigation, note, link, star or tag,
    /// written by triggers in the transaction of the change, so no write path can skip it (the
    /// canvas, the CLI, imports, and any future code). Who and when come from the SQL functions
    /// `inquest_actor()` and `inquest_now()`, registered on every connection from the store's
    /// ``AuditIdentity``. The table has no foreign keys: the trail outlives what it describes.
    ///
    /// Investigation updates that only move `updated_at` (a note or link touched it) are not
    /// recorded; the note or link change is.
    static func registerAuditMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v8-audit") { db in
            try db.execute(sql: """
                CREATE TABLE audit (
                  id INTEGER PRIMARY KEY,
                  at INTEGER NOT NULL,
                  actor TEXT NOT NULL,
                  entity TEXT NOT NULL,
                  action TEXT NOT NULL,
                  investigation_id INTEGER,
                  event_id INTEGER,
                  note_id INTEGER,
                  detail TEXT,
                  before TEXT,
                  after TEXT
                );
                CREATE INDEX audit_by_investigation ON audit(investigation_id, id);
                CREATE INDEX audit_by_event ON audit(event_id, id);
                CREATE INDEX audit_by_note ON audit(note_id, id);
                CREATE TRIGGER audit_investigation_insert AFTER INSERT ON investigation BEGIN
                  INSERT INTO audit (at, actor, entity, action, investigation_id, event_id, note_id, detail, before, after) VALUES (inquest_now(), inquest_actor(), 'investigation', 'create', NEW.id, NULL, NULL, NULL, NULL,
                    json_object('id', NEW.id, 'title', NEW.title, 'summary', NEW.summary, 'status', NEW.status, 'severity', NEW.severity, 'owner', NEW.owner, 'created_at', NEW.created_at, 'resolved_at', NEW.resolved_at, 'window_start', NEW.window_start, 'window_end', NEW.window_end, 'affected_services', json(NEW.affected_services), 'root_cause', NEW.root_cause, 'impact', NEW.impact, 'resolution', NEW.resolution, 'updated_at', NEW.updated_at));
                END;
                CREATE TRIGGER audit_investigation_update AFTER UPDATE ON investigation
                WHEN OLD.title IS NOT NEW.title OR OLD.summary IS NOT NEW.summary OR OLD.status IS NOT NEW.status OR OLD.severity IS NOT NEW.severity OR OLD.owner IS NOT NEW.owner OR OLD.created_at IS NOT NEW.created_at OR OLD.resolved_at IS NOT NEW.resolved_at OR OLD.window_start IS NOT NEW.window_start OR OLD.window_end IS NOT NEW.window_end OR OLD.affected_services IS NOT NEW.affected_services OR OLD.root_cause IS NOT NEW.root_cause OR OLD.impact IS NOT NEW.impact OR OLD.resolution IS NOT NEW.resolution BEGIN
                  INSERT INTO audit (at, actor, entity, action, investigation_id, event_id, note_id, detail, before, after) VALUES (inquest_now(), inquest_actor(), 'investigation', 'update', NEW.id, NULL, NULL,
                    rtrim(CASE WHEN OLD.title IS NOT NEW.title THEN 'title, ' ELSE '' END || CASE WHEN OLD.summary IS NOT NEW.summary THEN 'summary, ' ELSE '' END || CASE WHEN OLD.status IS NOT NEW.status THEN 'status, ' ELSE '' END || CASE WHEN OLD.severity IS NOT NEW.severity THEN 'severity, ' ELSE '' END || CASE WHEN OLD.owner IS NOT NEW.owner THEN 'owner, ' ELSE '' END || CASE WHEN OLD.created_at IS NOT NEW.created_at THEN 'created_at, ' ELSE '' END || CASE WHEN OLD.resolved_at IS NOT NEW.resolved_at THEN 'resolved_at, ' ELSE '' END || CASE WHEN OLD.window_start IS NOT NEW.window_start THEN 'window_start, ' ELSE '' END || CASE WHEN OLD.window_end IS NOT NEW.window_end THEN 'window_end, ' ELSE '' END || CASE WHEN OLD.affected_services IS NOT NEW.affected_services THEN 'affected_services, ' ELSE '' END || CASE WHEN OLD.root_cause IS NOT NEW.root_cause THEN 'root_cause, ' ELSE '' END || CASE WHEN OLD.impact IS NOT NEW.impact THEN 'impact, ' ELSE '' END || CASE WHEN OLD.resolution IS NOT NEW.resolution THEN 'resolution, ' ELSE '' END, ', '),
                    json_object('id', OLD.id, 'title', OLD.title, 'summary', OLD.summary, 'status', OLD.status, 'severity', OLD.severity, 'owner', OLD.owner, 'created_at', OLD.created_at, 'resolved_at', OLD.resolved_at, 'window_start', OLD.window_start, 'window_end', OLD.window_end, 'affected_services', json(OLD.affected_services), 'root_cause', OLD.root_cause, 'impact', OLD.impact, 'resolution', OLD.resolution, 'updated_at', OLD.updated_at),
                    json_object('id', NEW.id, 'title', NEW.title, 'summary', NEW.summary, 'status', NEW.status, 'severity', NEW.severity, 'owner', NEW.owner, 'created_at', NEW.created_at, 'resolved_at', NEW.resolved_at, 'window_start', NEW.window_start, 'window_end', NEW.window_end, 'affected_services', json(NEW.affected_services), 'root_cause', NEW.root_cause, 'impact', NEW.impact, 'resolution', NEW.resolution, 'updated_at', NEW.updated_at));
                END;
                CREATE TRIGGER audit_investigation_delete AFTER DELETE ON investigation BEGIN
                  INSERT INTO audit (at, actor, entity, action, investigation_id, event_id, note_id, detail, before, after) VALUES (inquest_now(), inquest_actor(), 'investigation', 'delete', OLD.id, NULL, NULL, NULL,
                    json_object('id', OLD.id, 'title', OLD.title, 'summary', OLD.summary, 'status', OLD.status, 'severity', OLD.severity, 'owner', OLD.owner, 'created_at', OLD.created_at, 'resolved_at', OLD.resolved_at, 'window_start', OLD.window_start, 'window_end', OLD.window_end, 'affected_services', json(OLD.affected_services), 'root_cause', OLD.root_cause, 'impact', OLD.impact, 'resolution', OLD.resolution, 'updated_at', OLD.updated_at), NULL);
                END;
                CREATE TRIGGER audit_note_insert AFTER INSERT ON note BEGIN
                  INSERT INTO audit (at, actor, entity, action, investigation_id, event_id, note_id, detail, before, after) VALUES (inquest_now(), inquest_actor(), 'note', 'create', NEW.investigation_id, NEW.event_id, NEW.id, NULL, NULL,
                    json_object('id', NEW.id, 'investigation_id', NEW.investigation_id, 'event_id', NEW.event_id, 'author', NEW.author, 'body', NEW.body, 'created_at', NEW.created_at, 'edited_at', NEW.edited_at));
                END;
                CREATE TRIGGER audit_note_update AFTER UPDATE ON note
                WHEN OLD.investigation_id IS NOT NEW.investigation_id OR OLD.event_id IS NOT NEW.event_id OR OLD.author IS NOT NEW.author OR OLD.body IS NOT NEW.body BEGIN
                  INSERT INTO audit (at, actor, entity, action, investigation_id, event_id, note_id, detail, before, after) VALUES (inquest_now(), inquest_actor(), 'note', 'update', NEW.investigation_id, NEW.event_id, NEW.id,
                    rtrim(CASE WHEN OLD.investigation_id IS NOT NEW.investigation_id THEN 'investigation_id, ' ELSE '' END || CASE WHEN OLD.event_id IS NOT NEW.event_id THEN 'event_id, ' ELSE '' END || CASE WHEN OLD.author IS NOT NEW.author THEN 'author, ' ELSE '' END || CASE WHEN OLD.body IS NOT NEW.body THEN 'body, ' ELSE '' END, ', '),
                    json_object('id', OLD.id, 'investigation_id', OLD.investigation_id, 'event_id', OLD.event_id, 'author', OLD.author, 'body', OLD.body, 'created_at', OLD.created_at, 'edited_at', OLD.edited_at), json_object('id', NEW.id, 'investigation_id', NEW.investigation_id, 'event_id', NEW.event_id, 'author', NEW.author, 'body', NEW.body, 'created_at', NEW.created_at, 'edited_at', NEW.edited_at));
                END;
                CREATE TRIGGER audit_note_delete AFTER DELETE ON note BEGIN
                  INSERT INTO audit (at, actor, entity, action, investigation_id, event_id, note_id, detail, before, after) VALUES (inquest_now(), inquest_actor(), 'note', 'delete', OLD.investigation_id, OLD.event_id, OLD.id, NULL,
                    json_object('id', OLD.id, 'investigation_id', OLD.investigation_id, 'event_id', OLD.event_id, 'author', OLD.author, 'body', OLD.body, 'created_at', OLD.created_at, 'edited_at', OLD.edited_at), NULL);
                END;
                CREATE TRIGGER audit_link_insert AFTER INSERT ON event_link BEGIN
                  INSERT INTO audit (at, actor, entity, action, investigation_id, event_id, note_id, detail, before, after) VALUES (inquest_now(), inquest_actor(), 'link', 'create', NEW.investigation_id, NEW.event_id, NULL, NULL, NULL,
                    json_object('investigation_id', NEW.investigation_id, 'event_id', NEW.event_id, 'linked_by', NEW.linked_by, 'linked_at', NEW.linked_at, 'reason', NEW.reason));
                END;
                CREATE TRIGGER audit_link_update AFTER UPDATE ON event_link
                WHEN OLD.linked_by IS NOT NEW.linked_by OR OLD.reason IS NOT NEW.reason BEGIN
                  INSERT INTO audit (at, actor, entity, action, investigation_id, event_id, note_id, detail, before, after) VALUES (inquest_now(), inquest_actor(), 'link', 'update', NEW.investigation_id, NEW.event_id, NULL,
                    rtrim(CASE WHEN OLD.linked_by IS NOT NEW.linked_by THEN 'linked_by, ' ELSE '' END || CASE WHEN OLD.reason IS NOT NEW.reason THEN 'reason, ' ELSE '' END, ', '),
                    json_object('investigation_id', OLD.investigation_id, 'event_id', OLD.event_id, 'linked_by', OLD.linked_by, 'linked_at', OLD.linked_at, 'reason', OLD.reason), json_object('investigation_id', NEW.investigation_id, 'event_id', NEW.event_id, 'linked_by', NEW.linked_by, 'linked_at', NEW.linked_at, 'reason', NEW.reason));
                END;
                CREATE TRIGGER audit_link_delete AFTER DELETE ON event_link BEGIN
                  INSERT INTO audit (at, actor, entity, action, investigation_id, event_id, note_id, detail, before, after) VALUES (inquest_now(), inquest_actor(), 'link', 'delete', OLD.investigation_id, OLD.event_id, NULL, NULL,
                    json_object('investigation_id', OLD.investigation_id, 'event_id', OLD.event_id, 'linked_by', OLD.linked_by, 'linked_at', OLD.linked_at, 'reason', OLD.reason), NULL);
                END;
                CREATE TRIGGER audit_star_insert AFTER INSERT ON star BEGIN
                  INSERT INTO audit (at, actor, entity, action, investigation_id, event_id, note_id, detail, before, after) VALUES (inquest_now(), inquest_actor(), 'star', 'create', NULL, NEW.event_id, NULL, NULL, NULL,
                    json_object('event_id', NEW.event_id, 'starred_by', NEW.starred_by, 'starred_at', NEW.starred_at));
                END;
                CREATE TRIGGER audit_star_delete AFTER DELETE ON star BEGIN
                  INSERT INTO audit (at, actor, entity, action, investigation_id, event_id, note_id, detail, before, after) VALUES (inquest_now(), inquest_actor(), 'star', 'delete', NULL, OLD.event_id, NULL, NULL,
                    json_object('event_id', OLD.event_id, 'starred_by', OLD.starred_by, 'starred_at', OLD.starred_at), NULL);
                END;
                CREATE TRIGGER audit_tag_insert AFTER INSERT ON event_tag BEGIN
                  INSERT INTO audit (at, actor, entity, action, investigation_id, event_id, note_id, detail, before, after) VALUES (inquest_now(), inquest_actor(), 'tag', 'create', NULL, NEW.event_id, NULL, NEW.tag, NULL,
                    json_object('event_id', NEW.event_id, 'tag', NEW.tag, 'tagged_by', NEW.tagged_by, 'tagged_at', NEW.tagged_at));
                END;
                CREATE TRIGGER audit_tag_delete AFTER DELETE ON event_tag BEGIN
                  INSERT INTO audit (at, actor, entity, action, investigation_id, event_id, note_id, detail, before, after) VALUES (inquest_now(), inquest_actor(), 'tag', 'delete', NULL, OLD.event_id, NULL, OLD.tag,
                    json_object('event_id', OLD.event_id, 'tag', OLD.tag, 'tagged_by', OLD.tagged_by, 'tagged_at', OLD.tagged_at), NULL);
                END;
                """)
        }
    }
}
