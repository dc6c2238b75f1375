-- G-5.1.8: the gas-quality test results an enterprise publishes to its customers — gas type, composition, calorific
-- value and supply pressure. Append-only: a new test is a new report; the public pages show the latest.
CREATE TABLE IF NOT EXISTS "gas_quality_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"tested_on" date NOT NULL,
	"gas_type" text NOT NULL,
	"composition" jsonb NOT NULL,
	"calorific_kj_per_m3" integer NOT NULL CHECK ("calorific_kj_per_m3" > 0),
	"supply_pressure_pa" integer NOT NULL CHECK ("supply_pressure_pa" > 0),
	"tested_by" text NOT NULL,
	"note" text NOT NULL DEFAULT '',
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "gas_quality_reports_latest_idx" ON "gas_quality_reports" ("enterprise_id", "tested_on", "created_at");
--> statement-breakpoint
CREATE TRIGGER gas_quality_reports_no_update_delete BEFORE UPDATE OR DELETE ON gas_quality_reports
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
