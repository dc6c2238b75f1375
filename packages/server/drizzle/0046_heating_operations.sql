-- Issue 20, heating operations. H-6.3.1: patrols and inspections of heating facilities (append-only), each finding
-- handled to closure (its closure recorded on the finding once).
CREATE TABLE IF NOT EXISTS "heating_facility_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"kind" text NOT NULL,
	"facility" text NOT NULL,
	"checked_on" date NOT NULL,
	"checked_by" text NOT NULL,
	"note" text NOT NULL DEFAULT '',
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "heating_facility_checks_idx" ON "heating_facility_checks" ("enterprise_id", "checked_on");
--> statement-breakpoint
CREATE TRIGGER heating_facility_checks_no_update_delete BEFORE UPDATE OR DELETE ON heating_facility_checks
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "heating_check_findings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"check_id" uuid NOT NULL REFERENCES "heating_facility_checks"("id"),
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"text" text NOT NULL,
	"severity" text NOT NULL,
	"due_on" date NOT NULL,
	"closed_on" date,
	"closure" text,
	"closed_by" uuid,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "heating_check_findings_idx" ON "heating_check_findings" ("enterprise_id", "closed_at");
--> statement-breakpoint
-- H-6.3.2: the annual maintenance plan, in the non-heating season, reported to the authority (one per year).
CREATE TABLE IF NOT EXISTS "heating_maintenance_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"year" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"items" jsonb NOT NULL,
	"reported_to" text,
	"reported_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "heating_maintenance_plans_year_uq" ON "heating_maintenance_plans" ("enterprise_id", "year");
--> statement-breakpoint
-- H-6.1.7: a newly connected community's maintenance commitment filed by the developer, or the property company
-- recorded as inheriting it; the latest row per community counts (append-only). H-9.6.3 reads it for claims.
CREATE TABLE IF NOT EXISTS "community_maintenance_commitments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"community" text NOT NULL,
	"connected_on" date NOT NULL,
	"party" text NOT NULL,
	"party_name" text NOT NULL,
	"party_phone" text NOT NULL,
	"ends_on" date,
	"terms" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "community_maintenance_commitments_idx" ON "community_maintenance_commitments" ("enterprise_id", "community", "created_at");
--> statement-breakpoint
CREATE TRIGGER community_maintenance_commitments_no_update_delete BEFORE UPDATE OR DELETE ON community_maintenance_commitments
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
-- H-6.3.4: a building whose shared heating system cannot be filled or run: its owner and households told ahead, and
-- the notice at the building (printed from this row, so a reprint is the same notice).
CREATE TABLE IF NOT EXISTS "building_heating_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"community" text NOT NULL,
	"building" text NOT NULL,
	"owner_name" text NOT NULL,
	"owner_phone" text NOT NULL,
	"reason" text NOT NULL,
	"cause" text NOT NULL,
	"advice" text NOT NULL,
	"effective_on" date NOT NULL,
	"households" integer NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "building_heating_notices_idx" ON "building_heating_notices" ("enterprise_id", "created_at");
--> statement-breakpoint
CREATE TRIGGER building_heating_notices_no_update_delete BEFORE UPDATE OR DELETE ON building_heating_notices
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
-- H-9.6.3: the community a claim's loss happened in, whose maintenance commitment decides the developer exclusion.
ALTER TABLE "insurance_claims" ADD COLUMN IF NOT EXISTS "community" text;
