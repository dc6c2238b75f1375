-- Calls and window waits for the evaluation (issue 14; G-12.4.1.1, H-3.13, G-12.4.1.2).
-- call_records: each call the call centre received — ring time, answer time (null: abandoned), agent and line — from
-- its export (CSV/Excel) or its push; the call centre's own call id makes both idempotent. Append-only.
CREATE TABLE IF NOT EXISTS "call_records" (
	"id" uuid PRIMARY KEY DEFAULT ranre_uuid_v7() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"external_id" text NOT NULL,
	"line" text NOT NULL,
	"agent" text NOT NULL DEFAULT '',
	"rang_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"source" text NOT NULL CHECK ("source" in ('import', 'push')),
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CHECK ("answered_at" IS NULL OR "answered_at" >= "rang_at"),
	CHECK ("ended_at" IS NULL OR "ended_at" >= coalesce("answered_at", "rang_at"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "call_records_external_idx" ON "call_records" ("enterprise_id", "external_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "call_records_rang_idx" ON "call_records" ("enterprise_id", "rang_at");
--> statement-breakpoint
CREATE TRIGGER call_records_no_update_delete BEFORE UPDATE OR DELETE ON call_records
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
-- The "answered in time" threshold of an enterprise, as data with the date it takes effect: a call is judged by the
-- threshold in force when it rang, so a new threshold never re-judges earlier calls. Append-only.
CREATE TABLE IF NOT EXISTS "call_answer_thresholds" (
	"id" uuid PRIMARY KEY DEFAULT ranre_uuid_v7() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"seconds" integer NOT NULL CHECK ("seconds" > 0 AND "seconds" <= 600),
	"effective_from" timestamp with time zone NOT NULL,
	"basis" text NOT NULL DEFAULT '',
	"set_by" uuid NOT NULL,
	"set_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "call_answer_thresholds_idx" ON "call_answer_thresholds" ("enterprise_id", "effective_from");
--> statement-breakpoint
CREATE TRIGGER call_answer_thresholds_no_update_delete BEFORE UPDATE OR DELETE ON call_answer_thresholds
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
-- G-12.4.1.2: sampled waits at a service point (people sampled, each one's wait from taking a number to being served).
CREATE TABLE IF NOT EXISTS "window_wait_samples" (
	"id" uuid PRIMARY KEY DEFAULT ranre_uuid_v7() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"service_point" text NOT NULL,
	"arrived_at" timestamp with time zone NOT NULL,
	"wait_seconds" integer NOT NULL CHECK ("wait_seconds" >= 0 AND "wait_seconds" <= 86400),
	"note" text NOT NULL DEFAULT '',
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "window_wait_samples_idx" ON "window_wait_samples" ("enterprise_id", "arrived_at");
--> statement-breakpoint
CREATE TRIGGER window_wait_samples_no_update_delete BEFORE UPDATE OR DELETE ON window_wait_samples
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
-- An average indicator (G-12.4.1.2) sums an amount per record (a wait in seconds) rather than counting records; a
-- closed period keeps it so its drill-down still adds up to its figure. The figures may exceed int4 as sums.
ALTER TABLE "evaluation_records" ADD COLUMN IF NOT EXISTS "amount" bigint;
--> statement-breakpoint
ALTER TABLE "evaluation_figures" ALTER COLUMN "numerator" TYPE bigint;
--> statement-breakpoint
-- Satisfaction surveys (G-12.3, G-12.4.5, H-3.14, H-10.3.2, H-10.3.7): each respondent's answer from the company's
-- own sample survey or a third party's, with the overall grade and the grade per factor. Append-only.
CREATE TABLE IF NOT EXISTS "satisfaction_responses" (
	"id" uuid PRIMARY KEY DEFAULT ranre_uuid_v7() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"source" text NOT NULL CHECK ("source" in ('sample', 'third_party')),
	"surveyor" text NOT NULL,
	"surveyed_at" timestamp with time zone NOT NULL,
	"respondent" text NOT NULL DEFAULT '',
	"grade" text NOT NULL CHECK ("grade" in ('satisfied', 'basically_satisfied', 'dissatisfied')),
	"factors" jsonb NOT NULL DEFAULT '{}'::jsonb,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "satisfaction_responses_idx" ON "satisfaction_responses" ("enterprise_id", "surveyed_at");
--> statement-breakpoint
CREATE TRIGGER satisfaction_responses_no_update_delete BEFORE UPDATE OR DELETE ON satisfaction_responses
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
