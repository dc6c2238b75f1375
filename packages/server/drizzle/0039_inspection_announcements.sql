-- G-5.11.2: inspections announced ahead (the day, the window, the inspector with his badge) to the households of a
-- route, and a time agreed on request. Announcements are kept as sent (append-only); the visit row, a projection,
-- carries the day announced and the time agreed.
CREATE TABLE IF NOT EXISTS "inspection_announcements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"community" text NOT NULL,
	"building" text NOT NULL,
	"planned_on" date NOT NULL,
	"time_window" text NOT NULL,
	"inspector_id" uuid,
	"inspector_name" text NOT NULL,
	"badge_no" text NOT NULL,
	"households" integer NOT NULL,
	"text" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "inspection_announcements_enterprise_idx" ON "inspection_announcements" ("enterprise_id", "planned_on");
--> statement-breakpoint
CREATE TRIGGER inspection_announcements_no_update_delete BEFORE UPDATE OR DELETE ON inspection_announcements
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
ALTER TABLE "inspection_visits" ADD COLUMN IF NOT EXISTS "announced_on" date;
--> statement-breakpoint
ALTER TABLE "inspection_visits" ADD COLUMN IF NOT EXISTS "agreed_at" timestamp with time zone;
