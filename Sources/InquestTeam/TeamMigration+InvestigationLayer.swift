extension TeamMigration {
    /// The investigation layer: investigations, notes, links, stars, tags, saved views, the
    /// evidence events they refer to (by dedupe key, with the event's record and raw bytes) and
    /// the audit trail, written by one trigger function in the transaction of each change, which
    /// also announces the change on the `inquest_team` channel (delivered at commit).
    ///
    /// Times are UTC nanoseconds (`bigint`), as in the local store. Who: `session_user`, the
    /// database role; `os_user` is what the client said its OS user is (`inquest.os_user`),
    /// recorded beside it for teams that share one role. `applied_change` holds the id of every
    /// change a client sent, so a change replayed from an outbox is applied once.
    ///
    /// `field_set_at` maps an investigation field's column name to the time its value was typed
    /// (a field not in it was set when the investigation was created): an edit typed earlier
    /// than the value shown (sent late from an outbox) does not replace it but is written to the
    /// audit trail as superseded, so both values are kept and the later one shows (see
    /// ``TeamDatabase/apply(_:)``). The trail is written by `inquest_record`, which the trigger
    /// calls for every insert, update and delete and the apply for a superseded edit, so both
    /// write the same entry and notification; rows are recorded without `field_set_at`
    /// (bookkeeping, as `updated_at`). `team_identity` names the database once (a random UUID):
    /// bundles written from it carry it as their source, so importing one back adds nothing twice.
    static let investigationLayer = TeamMigration(name: "t1-investigation-layer", statements: [
        """
        CREATE FUNCTION inquest_now() RETURNS bigint LANGUAGE sql STABLE AS
        $$ SELECT (extract(epoch FROM clock_timestamp()) * 1000000000)::bigint $$
        """,
        """
        CREATE TABLE investigation (
          id bigserial PRIMARY KEY,
          title text NOT NULL CHECK (btrim(title) <> ''),
          summary text NOT NULL DEFAULT '',
          status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'investigating', 'resolved')),
          severity text NOT NULL DEFAULT 'SEV3' CHECK (severity IN ('SEV1', 'SEV2', 'SEV3', 'SEV4')),
          owner text NOT NULL DEFAULT session_user,
          created_at bigint NOT NULL DEFAULT inquest_now(),
          updated_at bigint NOT NULL DEFAULT inquest_now(),
          resolved_at bigint,
          window_start bigint,
          window_end bigint,
          affected_services jsonb NOT NULL DEFAULT '[]',
          root_cause text NOT NULL DEFAULT '',
          impact text NOT NULL DEFAULT '',
          resolution text NOT NULL DEFAULT '',
          field_set_at jsonb NOT NULL DEFAULT '{}',
          CHECK (window_start IS NULL OR window_end IS NULL OR window_start <= window_end)
        )
        """,
        """
        CREATE TABLE evidence_event (
          dedupe_key text PRIMARY KEY CHECK (dedupe_key ~ '^[0-9a-f]{32}$'),
          timestamp_ns bigint NOT NULL,
          record jsonb NOT NULL,
          raw bytea NOT NULL,
          shared_by text NOT NULL DEFAULT session_user,
          shared_at bigint NOT NULL DEFAULT inquest_now()
        )
        """,
        """
        CREATE TABLE note (
          id bigserial PRIMARY KEY,
          investigation_id bigint NOT NULL REFERENCES investigation(id) ON DELETE CASCADE,
          event_key text REFERENCES evidence_event(dedupe_key),
          author text NOT NULL DEFAULT session_user,
          body text NOT NULL,
          created_at bigint NOT NULL DEFAULT inquest_now(),
          edited_at bigint NOT NULL DEFAULT inquest_now()
        )
        """,
        "CREATE INDEX note_by_investigation ON note(investigation_id, created_at, id)",
        """
        CREATE TABLE event_link (
          investigation_id bigint NOT NULL REFERENCES investigation(id) ON DELETE CASCADE,
          event_key text NOT NULL REFERENCES evidence_event(dedupe_key),
          linked_by text NOT NULL DEFAULT session_user,
          linked_at bigint NOT NULL DEFAULT inquest_now(),
          reason text,
          PRIMARY KEY (investigation_id, event_key)
        )
        """,
        """
        CREATE TABLE star (
          event_key text PRIMARY KEY REFERENCES evidence_event(dedupe_key),
          starred_by text NOT NULL DEFAULT session_user,
          starred_at bigint NOT NULL DEFAULT inquest_now()
        )
        """,
        """
        CREATE TABLE event_tag (
          event_key text NOT NULL REFERENCES evidence_event(dedupe_key),
          tag text NOT NULL CHECK (btrim(tag) <> ''),
          tagged_by text NOT NULL DEFAULT session_user,
          tagged_at bigint NOT NULL DEFAULT inquest_now(),
          PRIMARY KEY (event_key, tag)
        )
        """,
        """
        CREATE TABLE saved_view (
          id bigserial PRIMARY KEY,
          investigation_id bigint NOT NULL REFERENCES investigation(id) ON DELETE CASCADE,
          name text NOT NULL CHECK (btrim(name) <> ''),
          filter text NOT NULL,
          created_by text NOT NULL DEFAULT session_user,
          created_at bigint NOT NULL DEFAULT inquest_now(),
          UNIQUE (investigation_id, name)
        )
        """,
        """
        CREATE TABLE applied_change (
          change_id uuid PRIMARY KEY,
          result_id bigint,
          applied_by text NOT NULL DEFAULT session_user,
          applied_at bigint NOT NULL DEFAULT inquest_now()
        )
        """,
        "CREATE TABLE team_identity (only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row), team_id uuid NOT NULL)",
        "INSERT INTO team_identity (team_id) VALUES (gen_random_uuid())",
        """
        CREATE TABLE audit (
          id bigserial PRIMARY KEY,
          at bigint NOT NULL DEFAULT inquest_now(),
          actor text NOT NULL DEFAULT session_user,
          os_user text DEFAULT nullif(current_setting('inquest.os_user', true), ''),
          entity text NOT NULL,
          action text NOT NULL,
          investigation_id bigint,
          event_key text,
          note_id bigint,
          detail text,
          before jsonb,
          after jsonb
        )
        """,
        "CREATE INDEX audit_by_investigation ON audit(investigation_id, id)",
        "CREATE INDEX audit_by_event ON audit(event_key, id)",
        // The one writer of the trail: an entry, and its announcement (delivered at commit).
        """
        CREATE FUNCTION inquest_record(p_entity text, p_action text, p_investigation bigint, p_event_key text, p_note_id bigint,
                                       p_detail text, p_before jsonb, p_after jsonb) RETURNS void LANGUAGE plpgsql AS $$
        DECLARE
          entry bigint;
          entry_at bigint;
        BEGIN
          INSERT INTO audit (entity, action, investigation_id, event_key, note_id, detail, before, after)
            VALUES (p_entity, p_action, p_investigation, p_event_key, p_note_id, p_detail, p_before, p_after)
            RETURNING id, at INTO entry, entry_at;
          PERFORM pg_notify('inquest_team', json_build_object(
            'audit_id', entry, 'at', entry_at, 'entity', p_entity, 'action', p_action, 'investigation_id', p_investigation,
            'event_key', p_event_key, 'actor', session_user)::text);
        END $$
        """,
        // One function for every audited table; TG_ARGV[0] names the entity. An update that
        // only moves updated_at/edited_at (a note touched its investigation) is not recorded.
        """
        CREATE FUNCTION inquest_audit() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
          entity text := TG_ARGV[0];
          old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) - 'field_set_at' END;
          new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) - 'field_set_at' END;
          current_row jsonb := coalesce(new_row, old_row);
          changed text;
          action text := CASE TG_OP WHEN 'INSERT' THEN 'create' WHEN 'UPDATE' THEN 'update' ELSE 'delete' END;
          investigation bigint;
        BEGIN
          IF TG_OP = 'UPDATE' THEN
            SELECT string_agg(field, ', ' ORDER BY field) INTO changed
              FROM jsonb_each(new_row) AS n(field, value)
              WHERE old_row -> field IS DISTINCT FROM value AND field NOT IN ('updated_at', 'edited_at');
            IF changed IS NULL THEN RETURN NULL; END IF;
          END IF;
          IF entity = 'tag' THEN changed := current_row ->> 'tag'; END IF;
          investigation := CASE WHEN entity = 'investigation' THEN (current_row ->> 'id')::bigint
                                ELSE (current_row ->> 'investigation_id')::bigint END;
          PERFORM inquest_record(entity, action, investigation, current_row ->> 'event_key',
                                 CASE WHEN entity = 'note' THEN (current_row ->> 'id')::bigint END, changed, old_row, new_row);
          RETURN NULL;
        END $$
        """,
        "CREATE TRIGGER audit_investigation AFTER INSERT OR UPDATE OR DELETE ON investigation FOR EACH ROW EXECUTE FUNCTION inquest_audit('investigation')",
        "CREATE TRIGGER audit_note AFTER INSERT OR UPDATE OR DELETE ON note FOR EACH ROW EXECUTE FUNCTION inquest_audit('note')",
        "CREATE TRIGGER audit_link AFTER INSERT OR UPDATE OR DELETE ON event_link FOR EACH ROW EXECUTE FUNCTION inquest_audit('link')",
        "CREATE TRIGGER audit_star AFTER INSERT OR UPDATE OR DELETE ON star FOR EACH ROW EXECUTE FUNCTION inquest_audit('star')",
        "CREATE TRIGGER audit_tag AFTER INSERT OR UPDATE OR DELETE ON event_tag FOR EACH ROW EXECUTE FUNCTION inquest_audit('tag')",
        "CREATE TRIGGER audit_saved_view AFTER INSERT OR UPDATE OR DELETE ON saved_view FOR EACH ROW EXECUTE FUNCTION inquest_audit('view')",
    ])
}
