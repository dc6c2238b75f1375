ALTER TABLE "inspection_visits" DROP CONSTRAINT "inspection_visits_customer_id_fkey";
--> statement-breakpoint
ALTER TABLE "inspection_visits" DROP CONSTRAINT "inspection_visits_plan_id_fkey";
--> statement-breakpoint
-- Issue 15: a yearly plan writes a visit per customer and window at once, 1,160,000 rows for 1,000,000 customers.
-- The two foreign keys checked each row on its own (a probe and a row lock on its customer and on the one plan):
-- 8 of the insert's 17 s on PostgreSQL 15, measured. As with bills (migration 0017) and readings (0055), both are now
-- checked once per statement, and refused with SQLSTATE 23503 as a key would; the customer must also be of the
-- visit's own enterprise, which the key did not check. Customers never go away (0017); plans now refuse DELETE,
-- TRUNCATE and a change of their key below, so the check is as strong as the keys it replaces.
CREATE TRIGGER inspection_plans_keep_referenced BEFORE UPDATE OF id, enterprise_id OR DELETE ON inspection_plans
  FOR EACH ROW EXECUTE FUNCTION ranre_keep_referenced_row('enterprise_id');
--> statement-breakpoint
CREATE TRIGGER inspection_plans_no_truncate BEFORE TRUNCATE ON inspection_plans
  FOR EACH STATEMENT EXECUTE FUNCTION ranre_keep_referenced_row();
--> statement-breakpoint
-- The customers by a statement planned on each call (EXECUTE), which sees how many rows the statement wrote: a plan's
-- million rows are checked by one hash of the customers (an anti-join, 1.5 s against 2.0 s for a probe per row,
-- measured), a visit's update by one probe. A cached plan would keep whichever of the two the session saw first.
CREATE OR REPLACE FUNCTION inspection_visits_check_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE bad text;
BEGIN
  EXECUTE 'SELECT n.customer_id::text FROM new_rows n WHERE NOT EXISTS
    (SELECT 1 FROM customers c WHERE c.id = n.customer_id AND c.enterprise_id = n.enterprise_id) LIMIT 1' INTO bad;
  IF bad IS NOT NULL THEN
    PERFORM ranre_missing_reference('inspection_visits.customer', 'customer ' || bad || ' of the enterprise');
  END IF;
  SELECT n.plan_id::text INTO bad FROM (SELECT DISTINCT plan_id, enterprise_id FROM new_rows) n
  WHERE (SELECT 1 FROM inspection_plans p WHERE p.id = n.plan_id AND p.enterprise_id = n.enterprise_id) IS NULL
  LIMIT 1;
  IF FOUND THEN PERFORM ranre_missing_reference('inspection_visits.plan', 'plan ' || bad || ' of the enterprise'); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER inspection_visits_references AFTER INSERT ON inspection_visits REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION inspection_visits_check_references();
--> statement-breakpoint
CREATE TRIGGER inspection_visits_references_on_update AFTER UPDATE ON inspection_visits
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION inspection_visits_check_references();
--> statement-breakpoint
-- One index fewer to write: the unique key leads with the customer, so it also serves a household's visits (a
-- resident's booking), which had an index of their own.
DROP INDEX "inspection_visits_customer_idx";
--> statement-breakpoint
DROP INDEX "inspection_visits_uq";
--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_visits_uq" ON "inspection_visits" ("customer_id", "plan_id", "seq");
--> statement-breakpoint
-- The n-th of a run of time-ordered ids under one base id (RFC 9562 UUIDv7 with a counter in its last 48 bits): a
-- plan gives its million visits their ids from one ranre_uuid_v7() and a row number. ranre_uuid_v7() per row draws
-- a strong random number each time, 1.8 of the plan's seconds (measured); the base keeps the time order and 26 random
-- bits, the counter keeps the run unique, and a clash with another run is refused by the primary key.
CREATE OR REPLACE FUNCTION ranre_uuid_v7_nth(base uuid, n bigint) RETURNS uuid LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT encode(overlay(uuid_send(base) PLACING substring(int8send(n) FROM 3) FROM 11 FOR 6), 'hex')::uuid
$$;
