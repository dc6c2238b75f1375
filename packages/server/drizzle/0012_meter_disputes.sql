CREATE TABLE "meter_disputes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"meter_id" uuid NOT NULL,
	"dispute_no" text NOT NULL,
	"sector" text DEFAULT 'gas' NOT NULL,
	"requested_on" date NOT NULL,
	"requested_by" text NOT NULL,
	"complaint" text DEFAULT '' NOT NULL,
	"test_institution" text NOT NULL,
	"test_fee_fen" integer DEFAULT 0 NOT NULL,
	"installed_on" date,
	"removed_on" date,
	"tested_on" date,
	"error_bp" integer,
	"tolerance_bp" integer,
	"result" text,
	"test_paid_by" text,
	"window_from" date,
	"window_to" date,
	"metered_litres" bigint,
	"compensation_litres" bigint,
	"price_fen_per_m3" integer,
	"compensation_fen" integer,
	"explanation_zh" text DEFAULT '' NOT NULL,
	"explanation_en" text DEFAULT '' NOT NULL,
	"adjustment_entry_id" bigint,
	"fee_entry_id" bigint,
	"status" text DEFAULT 'requested' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meter_disputes" ADD CONSTRAINT "meter_disputes_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_disputes" ADD CONSTRAINT "meter_disputes_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_disputes" ADD CONSTRAINT "meter_disputes_meter_id_meters_id_fk" FOREIGN KEY ("meter_id") REFERENCES "public"."meters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meter_disputes" ADD CONSTRAINT "meter_disputes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "meter_disputes_no_uq" ON "meter_disputes" USING btree ("enterprise_id","dispute_no");--> statement-breakpoint
CREATE INDEX "meter_disputes_customer_idx" ON "meter_disputes" USING btree ("customer_id","requested_on");--> statement-breakpoint
CREATE INDEX "meter_disputes_enterprise_idx" ON "meter_disputes" USING btree ("enterprise_id","status","requested_on");