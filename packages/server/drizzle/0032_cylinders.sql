-- Issue 18: bottled-gas cylinders (G-7.1.2, G-7.1.4, G-7.1.5, G-7.1.9, G-7.1.15), fill scans and fills (G-7.1.6).
-- A cylinder's code is unique over all history: rows are never deleted and the code and owner never change, so a
-- scrapped code can never be registered again. The life events, the scans (refusals kept) and the fills are
-- append-only; `cylinders` holds the register's facts plus a projection of the latest events for the fill check.
CREATE TABLE IF NOT EXISTS "cylinders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"code" text NOT NULL,
	"manufacturer" text NOT NULL,
	"serial_no" text NOT NULL,
	"manufactured_on" date NOT NULL,
	"model" text NOT NULL,
	"capacity_dl" integer NOT NULL,
	"rated_fill_g" integer NOT NULL,
	"tolerance_g" integer NOT NULL,
	"marking" text NOT NULL,
	"last_inspected_on" date,
	"next_inspection_on" date NOT NULL,
	"scrap_due_on" date NOT NULL,
	"last_treated_on" date,
	"scrapped_on" date,
	"disposed_on" date,
	"last_filled_at" timestamp with time zone,
	"last_net_weight_g" integer,
	"state" text NOT NULL DEFAULT 'in_stock',
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer NOT NULL DEFAULT 1
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "cylinders_code_uq" ON "cylinders" ("code");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "cylinders_enterprise_idx" ON "cylinders" ("enterprise_id", "state", "next_inspection_on");
--> statement-breakpoint
CREATE OR REPLACE FUNCTION cylinders_keep_identity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' OR NEW.code <> OLD.code OR NEW.enterprise_id <> OLD.enterprise_id OR NEW.id <> OLD.id THEN
    RAISE EXCEPTION 'cylinders keep their code and owner for ever (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER cylinders_keep_identity BEFORE UPDATE OR DELETE ON cylinders
  FOR EACH ROW EXECUTE FUNCTION cylinders_keep_identity();
--> statement-breakpoint
CREATE TRIGGER cylinders_no_truncate BEFORE TRUNCATE ON cylinders
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "cylinder_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"cylinder_id" uuid NOT NULL REFERENCES "cylinders"("id"),
	"type" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"place" text NOT NULL DEFAULT '',
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"details" jsonb NOT NULL DEFAULT '{}'::jsonb,
	"created_at" timestamp with time zone NOT NULL,
	-- The order of appending: two steps recorded at one instant (a fill and its check) read in the order written.
	"seq" bigserial NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "cylinder_events_cylinder_idx" ON "cylinder_events" ("cylinder_id", "at", "seq");
--> statement-breakpoint
CREATE TRIGGER cylinder_events_no_update_delete BEFORE UPDATE OR DELETE ON cylinder_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "cylinder_fill_scans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"code" text NOT NULL,
	"cylinder_id" uuid REFERENCES "cylinders"("id"),
	"station" text NOT NULL,
	"outcome" text NOT NULL,
	"reason" text,
	"actor_id" uuid,
	"scanned_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "cylinder_fill_scans_enterprise_idx" ON "cylinder_fill_scans" ("enterprise_id", "scanned_at");
--> statement-breakpoint
CREATE TRIGGER cylinder_fill_scans_no_update_delete BEFORE UPDATE OR DELETE ON cylinder_fill_scans
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "cylinder_fills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"cylinder_id" uuid NOT NULL REFERENCES "cylinders"("id"),
	"scan_id" uuid NOT NULL REFERENCES "cylinder_fill_scans"("id"),
	"station" text NOT NULL,
	"net_weight_g" integer NOT NULL,
	"rated_fill_g" integer NOT NULL,
	"tolerance_g" integer NOT NULL,
	"weight_ok" boolean NOT NULL,
	"leak_free" boolean NOT NULL,
	"outcome" text NOT NULL,
	"label_no" text,
	"actor_id" uuid,
	"filled_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "cylinder_fills_scan_uq" ON "cylinder_fills" ("scan_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "cylinder_fills_enterprise_idx" ON "cylinder_fills" ("enterprise_id", "filled_at");
--> statement-breakpoint
CREATE TRIGGER cylinder_fills_no_update_delete BEFORE UPDATE OR DELETE ON cylinder_fills
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
