-- Emergency readiness (issue 20): duty rosters (G-4.2.2, H-4.2.2, G-5.12.3, H-6.4.3), their alerts, emergency plans
-- (G-5.12.1, G-5.12.2, H-6.4.1) and drills / leak-response publicity (G-5.12.4, G-5.12.5, H-6.4.2).
CREATE TABLE IF NOT EXISTS "duty_shifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"kind" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"staff_ids" jsonb NOT NULL,
	"vehicles" jsonb NOT NULL,
	"equipment" jsonb NOT NULL,
	"phone" text NOT NULL,
	"note" text NOT NULL DEFAULT '',
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "duty_shifts_span_ck" CHECK ("ends_at" > "starts_at")
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "duty_shifts_span_idx" ON "duty_shifts" ("enterprise_id", "starts_at");
--> statement-breakpoint
-- Alerts raised by the readiness watcher; the key makes each one happen once however often it runs.
CREATE TABLE IF NOT EXISTS "emergency_alerts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"clause" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"message" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "emergency_alerts_once_uq" ON "emergency_alerts" ("enterprise_id", "key");
--> statement-breakpoint
-- A plan revision is a new row naming the plan it revises (append-only).
CREATE TABLE IF NOT EXISTS "emergency_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"event_kind" text NOT NULL,
	"title" text NOT NULL,
	"contents" text NOT NULL,
	"filed_with" text NOT NULL,
	"filed_on" date NOT NULL,
	"review_due_on" date NOT NULL,
	"revises" uuid REFERENCES "emergency_plans"("id"),
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "emergency_plans_kind_idx" ON "emergency_plans" ("enterprise_id", "event_kind", "created_at");
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "emergency_plans_revised_once_uq" ON "emergency_plans" ("revises");
--> statement-breakpoint
CREATE TRIGGER emergency_plans_no_update_delete BEFORE UPDATE OR DELETE ON emergency_plans
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "emergency_exercises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"kind" text NOT NULL,
	"held_on" date NOT NULL,
	"place" text NOT NULL,
	"audience" text NOT NULL,
	"participants" integer NOT NULL,
	"summary" text NOT NULL DEFAULT '',
	"photos" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "emergency_exercises_year_idx" ON "emergency_exercises" ("enterprise_id", "held_on");
--> statement-breakpoint
CREATE TRIGGER emergency_exercises_no_update_delete BEFORE UPDATE OR DELETE ON emergency_exercises
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
-- G-5.12.7–G-5.12.9, H-6.4.5.3, H-6.4.6: an incident (its projection) and its timeline of appended events.
CREATE TABLE IF NOT EXISTS "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"title" text NOT NULL,
	"area" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"base_level" integer NOT NULL,
	"level" integer NOT NULL,
	"raise_reasons" jsonb NOT NULL,
	"customers_affected" integer NOT NULL,
	"customers_told" integer NOT NULL DEFAULT 0,
	"heated_area_m2" integer,
	"company_caused" boolean,
	"regulator_reported_at" timestamp with time zone,
	"restored_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer NOT NULL DEFAULT 1,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "incidents_enterprise_idx" ON "incidents" ("enterprise_id", "occurred_at");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "incident_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL REFERENCES "incidents"("id"),
	"type" text NOT NULL,
	"data" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"actor_name" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "incident_events_incident_idx" ON "incident_events" ("incident_id", "id");
--> statement-breakpoint
CREATE TRIGGER incident_events_no_update_delete BEFORE UPDATE OR DELETE ON incident_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
-- G-5.12.6: warnings to the customers of an area; each level (the first and every change) is a row, append-only.
CREATE TABLE IF NOT EXISTS "emergency_warnings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"title" text NOT NULL,
	"body" text NOT NULL,
	"communities" jsonb NOT NULL,
	"channels" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "emergency_warnings_enterprise_idx" ON "emergency_warnings" ("enterprise_id", "created_at");
--> statement-breakpoint
CREATE TRIGGER emergency_warnings_no_update_delete BEFORE UPDATE OR DELETE ON emergency_warnings
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "emergency_warning_levels" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"warning_id" uuid NOT NULL REFERENCES "emergency_warnings"("id"),
	"level" integer NOT NULL,
	"reason" text NOT NULL,
	"important" boolean NOT NULL,
	"reported_at" timestamp with time zone,
	"households" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_name" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "emergency_warning_levels_idx" ON "emergency_warning_levels" ("warning_id", "id");
--> statement-breakpoint
CREATE TRIGGER emergency_warning_levels_no_update_delete BEFORE UPDATE OR DELETE ON emergency_warning_levels
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
-- G-11.1, H-9.1: the enterprise's policies (append-only); G-11.2–G-11.4, H-9.3–H-9.8: claims and their timeline.
CREATE TABLE IF NOT EXISTS "insurance_policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"insurer" text NOT NULL,
	"policy_no" text NOT NULL,
	"cover" text NOT NULL,
	"limit_fen" bigint NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER insurance_policies_no_update_delete BEFORE UPDATE OR DELETE ON insurance_policies
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "insurance_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"policy_id" uuid NOT NULL REFERENCES "insurance_policies"("id"),
	"incident_id" uuid REFERENCES "incidents"("id"),
	"claimant" text NOT NULL,
	"description" text NOT NULL,
	"exclusions" jsonb NOT NULL,
	"override_reason" text,
	"agreed_fen" bigint,
	"pay_due_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"version" integer NOT NULL DEFAULT 1,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "insurance_claim_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"claim_id" uuid NOT NULL REFERENCES "insurance_claims"("id"),
	"type" text NOT NULL,
	"data" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_name" text NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER insurance_claim_events_no_update_delete BEFORE UPDATE OR DELETE ON insurance_claim_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
