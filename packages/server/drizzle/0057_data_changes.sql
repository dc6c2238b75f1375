-- Issue 21: the read cache's proof that nothing it answered from has changed. Every transaction that writes a table
-- the cached views read (the order list, board and detail; the customer search) notes its id once per enterprise it
-- touched. A view computed after snapshot S stays valid while no change of its enterprise (or of everyone, the
-- sentinel) belongs to a transaction S does not see as committed (as the board's ?since= poll asks of orders).
CREATE TABLE IF NOT EXISTS "data_changes" (
	"enterprise_id" uuid NOT NULL,
	"xid" xid8 NOT NULL,
	"noted_at" timestamp with time zone NOT NULL DEFAULT now(),
	PRIMARY KEY ("enterprise_id", "xid")
);
-- No index on noted_at: the table holds a few minutes of writes, and the pruning job's one scan a minute costs less
-- than an index entry on every writing transaction.
--> statement-breakpoint
-- An intake writes four watched tables in one statement, an event three in one transaction: the enterprises already
-- noted are remembered in a transaction-local setting, and a row trigger's WHEN tests it before any function is called,
-- so a transaction writes its note once and every other row costs one string search. BEFORE, so that the first row
-- notes at once and the next rows of the same statement already find it (an AFTER trigger would queue one event a
-- row until the statement ends). A savepoint rolled back takes the setting back with the row it noted; a row then
-- refused takes its note back with the statement.
CREATE OR REPLACE FUNCTION ranre_note_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row_enterprise uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.enterprise_id ELSE NEW.enterprise_id END;
BEGIN
  INSERT INTO data_changes (enterprise_id, xid) VALUES (row_enterprise, pg_current_xact_id())
    ON CONFLICT DO NOTHING;
  PERFORM set_config('ranre.noted_changes',
    coalesce(current_setting('ranre.noted_changes', true), '') || row_enterprise::text || ',', true);
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
--> statement-breakpoint
-- Tables whose rows are everyone's (the calendar, the enterprises themselves) and TRUNCATE, which has no rows to read
-- the enterprise from: the nil uuid, which every enterprise's check also reads.
CREATE OR REPLACE FUNCTION ranre_note_change_everywhere() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO data_changes (enterprise_id, xid)
    VALUES ('00000000-0000-0000-0000-000000000000', pg_current_xact_id())
    ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['work_orders', 'work_order_events', 'work_order_clocks', 'complaints', 'attachments',
    'resident_order_entries', 'repair_consents', 'repair_facility_owners', 'hazards', 'temperature_measurements',
    'customers', 'users', 'staff'] LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE INSERT ON %I FOR EACH ROW
      WHEN (strpos(coalesce(current_setting(''ranre.noted_changes'', true), ''''), NEW.enterprise_id::text) = 0)
      EXECUTE FUNCTION ranre_note_change()', t || '_note_inserts', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW
      WHEN (strpos(coalesce(current_setting(''ranre.noted_changes'', true), ''''), NEW.enterprise_id::text) = 0)
      EXECUTE FUNCTION ranre_note_change()', t || '_note_updates', t);
    EXECUTE format('CREATE TRIGGER %I BEFORE DELETE ON %I FOR EACH ROW
      WHEN (strpos(coalesce(current_setting(''ranre.noted_changes'', true), ''''), OLD.enterprise_id::text) = 0)
      EXECUTE FUNCTION ranre_note_change()', t || '_note_deletes', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I
      FOR EACH STATEMENT EXECUTE FUNCTION ranre_note_change_everywhere()', t || '_note_truncates', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['enterprises', 'calendar_overrides', 'calendar_years'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
      FOR EACH STATEMENT EXECUTE FUNCTION ranre_note_change_everywhere()', t || '_note_changes', t);
  END LOOP;
END $$;
