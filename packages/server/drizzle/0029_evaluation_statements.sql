-- What is said about an evaluation period (issue 14): the enterprise's self-evaluation (G-12.2, H-10.2) and
-- improvement plan (H-10.3.8), the regulator's remarks, and publications (G-12.3, H-10.5.6) with the figures as
-- published. Append-only: a later statement supersedes an earlier one on screen, and both stay on file.
CREATE TABLE IF NOT EXISTS "evaluation_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period" text NOT NULL,
	"enterprise_id" uuid REFERENCES "enterprises"("id"),
	"kind" text NOT NULL CHECK ("kind" IN ('self_evaluation', 'improvement_plan', 'remark', 'publication')),
	"body" text NOT NULL,
	"content" jsonb NOT NULL DEFAULT '{}'::jsonb,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "evaluation_statements_period_idx" ON "evaluation_statements" ("period", "enterprise_id", "created_at");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "evaluation_statements_published_idx" ON "evaluation_statements" ("created_at") WHERE "kind" = 'publication';
--> statement-breakpoint
CREATE TRIGGER evaluation_statements_no_update_delete BEFORE UPDATE OR DELETE ON evaluation_statements
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER evaluation_statements_no_truncate BEFORE TRUNCATE ON evaluation_statements
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
