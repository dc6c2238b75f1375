-- Issue 14, H-10.5.1 and the cockpit's district filter. Heating interruptions for the operation accident rate: each
-- with its start, restore, the communities named and the heated area of their premises in the archive when it was
-- recorded (kept, so a later change of the archive does not move a past rate), and whether the company caused it.
CREATE TABLE IF NOT EXISTS "heating_outages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"communities" jsonb NOT NULL,
	"heated_area_m2" numeric(14, 2) NOT NULL,
	"households" integer NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"restored_at" timestamp with time zone,
	"company_caused" boolean NOT NULL,
	"cause" text NOT NULL,
	"incident_id" uuid REFERENCES "incidents"("id"),
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"restored_by" uuid
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "heating_outages_enterprise_idx" ON "heating_outages" ("enterprise_id", "started_at");
--> statement-breakpoint
-- H-10.5.1's amounts are m²·min: a season's reaches 10¹³, past an integer.
ALTER TABLE "evaluation_figures" ALTER COLUMN "denominator" TYPE bigint;
--> statement-breakpoint
-- A record's share of a figure's denominator when it is an amount rather than a count (H-10.5.1's season base).
ALTER TABLE "evaluation_records" ADD COLUMN IF NOT EXISTS "den_amount" bigint;
--> statement-breakpoint
-- The cockpit filters enterprises by district (区县), as premises.district names them.
ALTER TABLE "enterprises" ADD COLUMN IF NOT EXISTS "district" text NOT NULL DEFAULT '';
--> statement-breakpoint
-- The evaluation of one enterprise (its cockpit, its report, a drill-down) finds an item's orders of a period
-- within the enterprise, not across the city (bench/evaluation.bench.ts).
CREATE INDEX IF NOT EXISTS "work_orders_evaluation_idx" ON "work_orders" ("enterprise_id", "item_code", "received_at");
