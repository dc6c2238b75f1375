-- Closed evaluation periods (issue 14): a period's figures and the records behind each are kept as computed, with
-- the definitions' version, so a later change of a rule, a target or a record never moves a closed period.
CREATE TABLE "evaluation_periods" (
	"period" text PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"definitions_version" text NOT NULL,
	"closed_at" timestamp with time zone NOT NULL,
	"closed_by" uuid NOT NULL,
	"reopened_at" timestamp with time zone,
	"reopened_by" uuid,
	"reopen_reason" text,
	"definitions" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evaluation_figures" (
	"period" text NOT NULL REFERENCES "evaluation_periods"("period"),
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"indicator" text NOT NULL,
	"numerator" integer NOT NULL,
	"denominator" integer NOT NULL,
	PRIMARY KEY ("period", "enterprise_id", "indicator")
);
--> statement-breakpoint
CREATE TABLE "evaluation_records" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"period" text NOT NULL REFERENCES "evaluation_periods"("period"),
	"enterprise_id" uuid NOT NULL,
	"indicator" text NOT NULL,
	"ref_id" text NOT NULL,
	"order_id" uuid,
	"ref_no" text NOT NULL,
	"item" text NOT NULL,
	"outcome" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"in_numerator" boolean NOT NULL
);
--> statement-breakpoint
CREATE INDEX "evaluation_records_figure_idx" ON "evaluation_records" ("period", "indicator", "enterprise_id", "in_numerator", "at", "ref_id");
--> statement-breakpoint
-- The figures of the clock indicators group stored clocks by item and name; orders are found by enterprise and time.
CREATE INDEX "work_orders_received_idx" ON "work_orders" ("item_code", "received_at");
