-- Issue 21: the dispatcher's board polls for changes. Every insert or update of a work order stamps the writing
-- transaction's id; a poll returns the rows whose stamp the previous poll's snapshot does not see
-- (pg_visible_in_snapshot), so a change committed after that poll is never missed whatever the order of commits, and
-- the watcher's clock refreshes count as changes too.
ALTER TABLE "work_orders" ADD COLUMN IF NOT EXISTS "change_xid" xid8 NOT NULL DEFAULT pg_current_xact_id();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION work_orders_stamp_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.change_xid := pg_current_xact_id();
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER work_orders_stamp_change BEFORE UPDATE ON work_orders
  FOR EACH ROW EXECUTE FUNCTION work_orders_stamp_change();
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "work_orders_change_idx" ON "work_orders" ("enterprise_id", "change_xid");
--> statement-breakpoint
-- H-5.4.1: a heating gateway's own key for sensor ingestion (HTTP and MQTT), issued and revoked by the enterprise
-- admin. Only the SHA-256 of the key is kept; the key itself is shown once when issued.
CREATE TABLE IF NOT EXISTS "gateway_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"gateway" text NOT NULL,
	"name" text NOT NULL,
	"key_prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"created_by" uuid NOT NULL REFERENCES "users"("id"),
	"created_at" timestamp with time zone NOT NULL,
	"revoked_by" uuid REFERENCES "users"("id"),
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "gateway_keys_hash_uq" ON "gateway_keys" ("key_hash");
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "gateway_keys_active_uq" ON "gateway_keys" ("enterprise_id", "gateway") WHERE "revoked_at" IS NULL;
--> statement-breakpoint
ALTER TABLE "sensor_ingestions" ADD COLUMN IF NOT EXISTS "gateway_key_id" uuid REFERENCES "gateway_keys"("id");
