-- Issue 18, vehicle gas (G-8.1.1, G-8.1.2, G-8.1.4, G-8.1.5, G-8.1.10, G-12.4.4). Vehicles and their on-board
-- cylinders with the periodic-inspection certificate (renewals appended, the cylinder row holds the one in force);
-- the station's dispensers and their metrological verifications (append-only); every check before a fill kept,
-- refusals too, and every fill logged (append-only); leak cases whose procedure steps are appended in order.
CREATE TABLE IF NOT EXISTS "vehicles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"plate" text NOT NULL,
	"owner_name" text NOT NULL,
	"owner_phone" text NOT NULL,
	"medium" text NOT NULL,
	"vehicle_type" text NOT NULL DEFAULT '',
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "vehicles_plate_uq" ON "vehicles" ("enterprise_id", "plate");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "vehicle_cylinders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"vehicle_id" uuid NOT NULL REFERENCES "vehicles"("id"),
	"serial_no" text NOT NULL,
	"medium" text NOT NULL,
	"manufacturer" text NOT NULL DEFAULT '',
	"capacity_l" integer,
	"certificate_no" text NOT NULL,
	"certificate_expires_on" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "vehicle_cylinders_serial_uq" ON "vehicle_cylinders" ("vehicle_id", "serial_no");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "vehicle_cylinder_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"cylinder_id" uuid NOT NULL REFERENCES "vehicle_cylinders"("id"),
	"certificate_no" text NOT NULL,
	"inspected_on" date,
	"expires_on" date NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "vehicle_cylinder_certificates_idx" ON "vehicle_cylinder_certificates" ("cylinder_id", "recorded_at");
--> statement-breakpoint
CREATE TRIGGER vehicle_cylinder_certificates_no_update_delete BEFORE UPDATE OR DELETE ON vehicle_cylinder_certificates
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "dispensers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"station" text NOT NULL,
	"number" text NOT NULL,
	"medium" text NOT NULL,
	"maker" text NOT NULL DEFAULT '',
	"serial_no" text NOT NULL DEFAULT '',
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "dispensers_number_uq" ON "dispensers" ("enterprise_id", "station", "number");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "dispenser_verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"dispenser_id" uuid NOT NULL REFERENCES "dispensers"("id"),
	"verified_on" date NOT NULL,
	"passed" boolean NOT NULL,
	"valid_until" date NOT NULL,
	"certificate_no" text NOT NULL,
	"verifier" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	"seq" bigserial NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "dispenser_verifications_idx" ON "dispenser_verifications" ("dispenser_id", "verified_on", "seq");
--> statement-breakpoint
CREATE TRIGGER dispenser_verifications_no_update_delete BEFORE UPDATE OR DELETE ON dispenser_verifications
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "vehicle_fill_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"station" text NOT NULL,
	"dispenser_id" uuid NOT NULL REFERENCES "dispensers"("id"),
	"plate" text NOT NULL,
	"vehicle_id" uuid REFERENCES "vehicles"("id"),
	"medium" text NOT NULL,
	"outcome" text NOT NULL,
	"reason" text,
	"findings" jsonb NOT NULL DEFAULT '[]'::jsonb,
	"reminders" jsonb NOT NULL DEFAULT '[]'::jsonb,
	"actor_id" uuid,
	"checked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "vehicle_fill_checks_enterprise_idx" ON "vehicle_fill_checks" ("enterprise_id", "checked_at");
--> statement-breakpoint
CREATE TRIGGER vehicle_fill_checks_no_update_delete BEFORE UPDATE OR DELETE ON vehicle_fill_checks
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "vehicle_fills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"check_id" uuid NOT NULL REFERENCES "vehicle_fill_checks"("id"),
	"station" text NOT NULL,
	"dispenser_id" uuid NOT NULL REFERENCES "dispensers"("id"),
	"dispenser_no" text NOT NULL,
	"vehicle_id" uuid NOT NULL REFERENCES "vehicles"("id"),
	"plate" text NOT NULL,
	"medium" text NOT NULL,
	"quantity_milli" bigint NOT NULL,
	"unit" text NOT NULL,
	"leak_free" boolean NOT NULL,
	"attendant_id" uuid,
	"attendant_name" text NOT NULL,
	"filled_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "vehicle_fills_check_uq" ON "vehicle_fills" ("check_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "vehicle_fills_enterprise_idx" ON "vehicle_fills" ("enterprise_id", "filled_at");
--> statement-breakpoint
CREATE TRIGGER vehicle_fills_no_update_delete BEFORE UPDATE OR DELETE ON vehicle_fills
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "vehicle_leak_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"case_no" text NOT NULL,
	"vehicle_id" uuid NOT NULL REFERENCES "vehicles"("id"),
	"plate" text NOT NULL,
	"cylinder_serial" text,
	"station" text NOT NULL,
	"fill_id" uuid REFERENCES "vehicle_fills"("id"),
	"description" text NOT NULL,
	"state" text NOT NULL DEFAULT 'found',
	"found_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"created_by" uuid
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "vehicle_leak_cases_no_uq" ON "vehicle_leak_cases" ("enterprise_id", "case_no");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "vehicle_leak_cases_vehicle_idx" ON "vehicle_leak_cases" ("vehicle_id", "state");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "vehicle_leak_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"case_id" uuid NOT NULL REFERENCES "vehicle_leak_cases"("id"),
	"step" text NOT NULL,
	"note" text NOT NULL DEFAULT '',
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"seq" bigserial NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "vehicle_leak_steps_once_uq" ON "vehicle_leak_steps" ("case_id", "step");
--> statement-breakpoint
CREATE TRIGGER vehicle_leak_steps_no_update_delete BEFORE UPDATE OR DELETE ON vehicle_leak_steps
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
