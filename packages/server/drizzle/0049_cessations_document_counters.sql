-- Issue 19. The running number of a document of the day (appliance sale XSyyyymmdd-nnnn, repair slip WXyyyymmdd-nnnn)
-- is taken from one counter row per enterprise and series: `insert … on conflict do update set last = last + 1`
-- locks that row, so two sales written at the same moment get two numbers instead of one count(*) + 1 twice.
CREATE TABLE IF NOT EXISTS "document_counters" (
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"series" text NOT NULL,
	"last" integer NOT NULL,
	PRIMARY KEY ("enterprise_id", "series")
);
--> statement-breakpoint
-- The numbers already issued carry on from where they are.
INSERT INTO "document_counters" ("enterprise_id", "series", "last")
SELECT "enterprise_id", split_part("sale_no", '-', 1) || '-', max(split_part("sale_no", '-', 2)::int)
FROM "appliance_sales" WHERE "sale_no" ~ '^[A-Z]+[0-9]{8}-[0-9]+$' GROUP BY 1, 2
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "document_counters" ("enterprise_id", "series", "last")
SELECT "enterprise_id", split_part("slip_no", '-', 1) || '-', max(split_part("slip_no", '-', 2)::int)
FROM "repair_slips" WHERE "slip_no" ~ '^[A-Z]+[0-9]{8}-[0-9]+$' GROUP BY 1, 2
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- G-9.3.2, G-6.2.14: an enterprise ceasing business or stopping a service. The filing is kept as filed; what happens
-- to it (approved or refused by the regulator, customers told, withdrawn) is appended to the steps.
CREATE TABLE IF NOT EXISTS "business_cessations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"clause" text NOT NULL,
	"service" text NOT NULL DEFAULT '',
	"ceases_on" date NOT NULL,
	"apply_by" date,
	"notify_by" date NOT NULL,
	"reason" text NOT NULL,
	"arrangements" text NOT NULL,
	"successor" text NOT NULL DEFAULT '',
	"successor_phone" text NOT NULL DEFAULT '',
	"open_orders" integer NOT NULL,
	"open_warranties" integer NOT NULL,
	"customers" integer NOT NULL,
	"filed_by" uuid NOT NULL,
	"filed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "business_cessations_enterprise_idx" ON "business_cessations" ("enterprise_id", "filed_at");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "business_cessation_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cessation_id" uuid NOT NULL REFERENCES "business_cessations"("id"),
	"step" text NOT NULL,
	"note" text NOT NULL DEFAULT '',
	"notices" integer NOT NULL DEFAULT 0,
	"by_user" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "business_cessation_steps_uq" ON "business_cessation_steps" ("cessation_id", "step");
