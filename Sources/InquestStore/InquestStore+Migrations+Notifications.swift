import GRDB

extension InquestStore {
    /// Notifications of investigation changes, fed by the audit trail in the transaction of the
    /// change, so a change is never committed without its notifications (nor the reverse), even
    /// when the process dies right after.
    ///
    /// - `notify_subscription`: who wants which kinds of change (`events`, a JSON array of
    ///   ``NotificationKind`` names) about which investigation (NULL: all), through which channel
    ///   (`webhook` or `email`, its URL or address in `target`, the rest in `settings` JSON).
    /// - `notify_mute`: a subscription silenced for one investigation (the canvas's `:notify`).
    /// - `notification`: one row per change worth telling (while any subscription is on), unique
    ///   per (`source`, `source_id`):
    ///   the trigger on `audit` writes `store:<store id>` rows; a team database's trail can insert
    ///   its own (``InquestStore/recordNotification(_:)``) and the same fan-out applies.
    /// - `notify_outbox`: the queue, one message per (notification, subscription) with its state,
    ///   attempts, next attempt, lease and last error; `idempotency_key` is the same for every
    ///   attempt (and for two subscriptions of one target).
    static func registerNotificationMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v21-notifications") { db in
            try db.execute(sql: """
                CREATE TABLE notify_subscription (
                  id INTEGER PRIMARY KEY,
                  owner TEXT NOT NULL,
                  channel TEXT NOT NULL CHECK (channel IN ('webhook', 'email')),
                  target TEXT NOT NULL,
                  investigation_id INTEGER,
                  events TEXT NOT NULL CHECK (json_valid(events) AND json_array_length(events) > 0),
                  settings TEXT NOT NULL DEFAULT '{}',
                  enabled INTEGER NOT NULL DEFAULT 1,
                  created_at INTEGER NOT NULL
                );
                CREATE TABLE notify_mute (
                  subscription_id INTEGER NOT NULL REFERENCES notify_subscription(id) ON DELETE CASCADE,
                  investigation_id INTEGER NOT NULL,
                  muted_by TEXT NOT NULL,
                  muted_at INTEGER NOT NULL,
                  PRIMARY KEY (subscription_id, investigation_id)
                ) WITHOUT ROWID;
                CREATE TABLE notification (
                  id INTEGER PRIMARY KEY,
                  source TEXT NOT NULL,
                  source_id TEXT NOT NULL,
                  at INTEGER NOT NULL,
                  actor TEXT NOT NULL,
                  kinds TEXT NOT NULL,
                  investigation_id INTEGER NOT NULL,
                  title TEXT NOT NULL,
                  status TEXT NOT NULL,
                  severity TEXT NOT NULL,
                  owner TEXT NOT NULL,
                  previous_status TEXT,
                  previous_severity TEXT,
                  previous_owner TEXT,
                  note_id INTEGER,
                  note_author TEXT,
                  note_body TEXT,
                  UNIQUE (source, source_id)
                );
                CREATE TABLE notify_outbox (
                  id INTEGER PRIMARY KEY,
                  notification_id INTEGER NOT NULL REFERENCES notification(id) ON DELETE CASCADE,
                  subscription_id INTEGER NOT NULL REFERENCES notify_subscription(id) ON DELETE CASCADE,
                  idempotency_key TEXT NOT NULL,
                  state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'dead')),
                  attempts INTEGER NOT NULL DEFAULT 0,
                  next_attempt_at INTEGER NOT NULL,
                  lease_until INTEGER,
                  lease_holder TEXT,
                  last_error TEXT,
                  created_at INTEGER NOT NULL,
                  finished_at INTEGER,
                  UNIQUE (notification_id, subscription_id),
                  UNIQUE (idempotency_key)
                );
                CREATE INDEX notify_outbox_by_state ON notify_outbox(state, next_attempt_at);
                CREATE INDEX notify_outbox_by_subscription ON notify_outbox(subscription_id);
                CREATE TRIGGER notification_from_audit AFTER INSERT ON audit
                WHEN NEW.investigation_id IS NOT NULL
                  AND ((NEW.entity = 'investigation' AND NEW.action IN ('create', 'update')) OR (NEW.entity = 'note' AND NEW.action = 'create'))
                BEGIN
                  INSERT OR IGNORE INTO notification (source, source_id, at, actor, kinds, investigation_id, title, status, severity, owner,
                    previous_status, previous_severity, previous_owner, note_id, note_author, note_body)
                  SELECT 'store:' || COALESCE((SELECT store_id FROM store_identity WHERE id = 1), ''), CAST(NEW.id AS TEXT), NEW.at, NEW.actor,
                    k.kinds, i.id, i.title, i.status, i.severity, i.owner,
                    CASE WHEN NEW.action = 'update' THEN json_extract(NEW.before, '$.status') END,
                    CASE WHEN NEW.action = 'update' THEN json_extract(NEW.before, '$.severity') END,
                    CASE WHEN NEW.action = 'update' THEN json_extract(NEW.before, '$.owner') END,
                    CASE WHEN NEW.entity = 'note' THEN NEW.note_id END,
                    CASE WHEN NEW.entity = 'note' THEN json_extract(NEW.after, '$.author') END,
                    CASE WHEN NEW.entity = 'note' THEN json_extract(NEW.after, '$.body') END
                  FROM (SELECT '[' || rtrim(
                      CASE WHEN NEW.entity = 'investigation' AND NEW.action = 'create' THEN '"created",' ELSE '' END
                      || CASE WHEN NEW.action = 'update' AND instr(', ' || NEW.detail || ', ', ', status, ') > 0 THEN '"status",' ELSE '' END
                      || CASE WHEN NEW.action = 'update' AND instr(', ' || NEW.detail || ', ', ', severity, ') > 0 THEN '"severity",' ELSE '' END
                      || CASE WHEN NEW.action = 'update' AND instr(', ' || NEW.detail || ', ', ', owner, ') > 0 THEN '"owner",' ELSE '' END
                      || CASE WHEN NEW.entity = 'note' THEN '"note",' ELSE '' END
                      || CASE WHEN NEW.action = 'update' AND instr(', ' || NEW.detail || ', ', ', status, ') > 0
                              AND json_extract(NEW.after, '$.status') = 'resolved' THEN '"resolved",' ELSE '' END,
                      ',') || ']' AS kinds) AS k
                  JOIN investigation AS i ON i.id = NEW.investigation_id
                  WHERE k.kinds <> '[]' AND EXISTS (SELECT 1 FROM notify_subscription WHERE enabled = 1);
                END;
                CREATE TRIGGER notification_fan_out AFTER INSERT ON notification BEGIN
                  INSERT OR IGNORE INTO notify_outbox (notification_id, subscription_id, idempotency_key, state, attempts, next_attempt_at, created_at)
                  SELECT NEW.id, s.id, NEW.source || '/' || NEW.source_id || '/' || s.channel || ':' || s.target, 'queued', 0, NEW.at, NEW.at
                  FROM notify_subscription AS s
                  WHERE s.enabled = 1
                    AND (s.investigation_id IS NULL OR s.investigation_id = NEW.investigation_id)
                    AND NOT EXISTS (SELECT 1 FROM notify_mute AS m WHERE m.subscription_id = s.id AND m.investigation_id = NEW.investigation_id)
                    AND EXISTS (SELECT 1 FROM json_each(s.events) AS e JOIN json_each(NEW.kinds) AS n ON e.value = n.value);
                END;
                """)
        }
    }
}
