-- Issue 21: the read cache's proof that nothing it answered from has changed. Every writing statement on a table that
-- the cached views read (the order list, board and detail; the customer search) notes its transaction's id once per
-- enterprise it touched. A view computed after snapshot xmin X stays valid while no change of its enterprise (or of
-- everyone, the sentinel) has an id >= X: a transaction with a smaller id had ended before the view was read, and one
-- that commits later always has an id >= X. Statement triggers: a million-row import notes one row per enterprise.
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
-- noted are remembered in a transaction-local setting, so each transaction writes its note once. A savepoint rolled
-- back takes the setting back with the row it noted.
CREATE OR REPLACE FUNCTION ranre_note_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  noted text := coalesce(current_setting('ranre.noted_changes', true), '');
  fresh uuid[];
BEGIN
  SELECT array_agg(DISTINCT enterprise_id) INTO fresh FROM changed_rows
    WHERE strpos(noted, enterprise_id::text) = 0;
  IF fresh IS NULL THEN
    RETURN NULL;
  END IF;
  INSERT INTO data_changes (enterprise_id, xid)
    SELECT e, pg_current_xact_id() FROM unnest(fresh) e
    ON CONFLICT DO NOTHING;
  PERFORM set_config('ranre.noted_changes', noted || array_to_string(fresh, ','), true);
  RETURN NULL;
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
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed_rows
      FOR EACH STATEMENT EXECUTE FUNCTION ranre_note_changes()', t || '_note_inserts', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed_rows
      FOR EACH STATEMENT EXECUTE FUNCTION ranre_note_changes()', t || '_note_updates', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed_rows
      FOR EACH STATEMENT EXECUTE FUNCTION ranre_note_changes()', t || '_note_deletes', t);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I
      FOR EACH STATEMENT EXECUTE FUNCTION ranre_note_change_everywhere()', t || '_note_truncates', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['enterprises', 'calendar_overrides', 'calendar_years'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
      FOR EACH STATEMENT EXECUTE FUNCTION ranre_note_change_everywhere()', t || '_note_changes', t);
  END LOOP;
END $$;
