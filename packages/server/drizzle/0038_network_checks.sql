-- G-6.2.15, G-6.2.16, G-12.4.2.1: pressure-regulating stations with the communities near and far from them, the
-- seeded draws of households to check, the inlet-pressure checks, and the odorant checks at the network's ends.
-- Draws and checks are records the regulator audits: append-only.
CREATE TABLE IF NOT EXISTS "pressure_stations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"name" text NOT NULL,
	"gas_type" text NOT NULL,
	"near_communities" jsonb NOT NULL,
	"far_communities" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pressure_stations_name_uq" UNIQUE ("enterprise_id", "name")
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "pressure_draws" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"station_id" uuid NOT NULL REFERENCES "pressure_stations"("id"),
	"seed" text NOT NULL,
	"per_side" integer NOT NULL,
	"near" jsonb NOT NULL,
	"far" jsonb NOT NULL,
	"candidates" integer NOT NULL,
	"drawn_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "pressure_draws_station_idx" ON "pressure_draws" ("station_id", "drawn_at");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "pressure_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"station_id" uuid NOT NULL REFERENCES "pressure_stations"("id"),
	"draw_id" uuid NOT NULL REFERENCES "pressure_draws"("id"),
	"customer_id" uuid NOT NULL REFERENCES "customers"("id"),
	"position" text NOT NULL,
	"gas_type" text NOT NULL,
	"measured_pa" integer NOT NULL,
	"min_pa" integer NOT NULL,
	"max_pa" integer NOT NULL,
	"passed" boolean NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"note" text NOT NULL DEFAULT '',
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pressure_checks_once_uq" UNIQUE ("draw_id", "customer_id")
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "pressure_checks_period_idx" ON "pressure_checks" ("enterprise_id", "checked_at");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "odorant_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"location" text NOT NULL,
	"measured_mg_m3" double precision NOT NULL,
	"min_mg_m3" double precision NOT NULL,
	"threshold_source" text NOT NULL,
	"passed" boolean NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	"checked_by" text NOT NULL,
	"note" text NOT NULL DEFAULT '',
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "odorant_checks_period_idx" ON "odorant_checks" ("enterprise_id", "checked_at");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "odorant_thresholds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"min_mg_m3" double precision NOT NULL,
	"source" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER pressure_draws_no_update_delete BEFORE UPDATE OR DELETE ON pressure_draws
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER pressure_checks_no_update_delete BEFORE UPDATE OR DELETE ON pressure_checks
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER odorant_checks_no_update_delete BEFORE UPDATE OR DELETE ON odorant_checks
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER odorant_thresholds_no_update_delete BEFORE UPDATE OR DELETE ON odorant_thresholds
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
