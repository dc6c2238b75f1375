-- Issue 15, the remaining parts. G-5.11.10: patrols of the network, kept as recorded (append-only), each finding a
-- hazard in the existing ledger (a network hazard names no customer but a place). G-5.11.7: the work order a
-- customer asked the company to do for a hazard. G-5.3.1, G-6.1.1, G-6.1.3, G-7.1.1: the pipeline network's coverage
-- by community with its capacity (a change is a new row; the latest per community counts). G-5.11.3: the day a
-- home was renovated, after which an inspection must pass again before supply.
CREATE TABLE IF NOT EXISTS "network_patrols" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"route" text NOT NULL,
	"area" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone NOT NULL,
	"patroller_id" uuid REFERENCES "users"("id"),
	"patroller_name" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"findings" integer DEFAULT 0 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "network_patrols_enterprise_idx" ON "network_patrols" ("enterprise_id", "started_at");
--> statement-breakpoint
CREATE TRIGGER network_patrols_no_update_delete BEFORE UPDATE OR DELETE ON network_patrols
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
ALTER TABLE "hazards" ALTER COLUMN "customer_id" DROP NOT NULL;
--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN IF NOT EXISTS "patrol_id" uuid REFERENCES "network_patrols"("id");
--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN IF NOT EXISTS "location" text DEFAULT '' NOT NULL;
--> statement-breakpoint
ALTER TABLE "hazards" ADD COLUMN IF NOT EXISTS "repair_order_id" uuid;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "hazards_patrol_idx" ON "hazards" ("patrol_id");
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "hazards_repair_order_uq" ON "hazards" ("repair_order_id");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "supply_coverage" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"district" text DEFAULT '' NOT NULL,
	"community" text NOT NULL,
	"covered" boolean NOT NULL,
	"capacity_households" integer,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "supply_coverage_community_idx" ON "supply_coverage" ("community", "enterprise_id", "id");
--> statement-breakpoint
CREATE TRIGGER supply_coverage_no_update_delete BEFORE UPDATE OR DELETE ON supply_coverage
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
ALTER TABLE "premises" ADD COLUMN IF NOT EXISTS "renovated_at" timestamp with time zone;
