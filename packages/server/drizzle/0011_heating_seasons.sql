CREATE TABLE "heat_meter_disputes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"meter_id" uuid,
	"season_id" uuid NOT NULL,
	"disputed_by" text NOT NULL,
	"raised_on" date NOT NULL,
	"dispute_from" date NOT NULL,
	"dispute_to" date NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"test_result" text,
	"tested_on" date,
	"test_agency" text DEFAULT '' NOT NULL,
	"test_fee_fen" integer,
	"test_paid_by" text,
	"billing" text,
	"disputed_days" integer,
	"area_season_fee_fen" integer,
	"disputed_days_fee_fen" integer,
	"correction_bill_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "heating_refunds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"season_id" uuid NOT NULL,
	"refund_no" text NOT NULL,
	"cause" text NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"amount_fen" integer NOT NULL,
	"committed_on" date NOT NULL,
	"latest_on" date NOT NULL,
	"method" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"settled_on" date,
	"offset_season_id" uuid,
	"settled_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "heating_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"effective_from" date NOT NULL,
	"rules" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "heating_seasons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"area" text NOT NULL,
	"districts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"period" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"legal_heating_days" integer NOT NULL,
	"payment_due_on" date NOT NULL,
	"actual_start_on" date,
	"actual_end_on" date,
	"flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"basis" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "heat_meter_disputes" ADD CONSTRAINT "heat_meter_disputes_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "heat_meter_disputes" ADD CONSTRAINT "heat_meter_disputes_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "heat_meter_disputes" ADD CONSTRAINT "heat_meter_disputes_meter_id_meters_id_fk" FOREIGN KEY ("meter_id") REFERENCES "public"."meters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "heat_meter_disputes" ADD CONSTRAINT "heat_meter_disputes_season_id_heating_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."heating_seasons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "heat_meter_disputes" ADD CONSTRAINT "heat_meter_disputes_correction_bill_id_bills_id_fk" FOREIGN KEY ("correction_bill_id") REFERENCES "public"."bills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "heat_meter_disputes" ADD CONSTRAINT "heat_meter_disputes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "heating_refunds" ADD CONSTRAINT "heating_refunds_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "heating_refunds" ADD CONSTRAINT "heating_refunds_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "heating_refunds" ADD CONSTRAINT "heating_refunds_season_id_heating_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."heating_seasons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "heating_refunds" ADD CONSTRAINT "heating_refunds_offset_season_id_heating_seasons_id_fk" FOREIGN KEY ("offset_season_id") REFERENCES "public"."heating_seasons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "heating_refunds" ADD CONSTRAINT "heating_refunds_settled_by_users_id_fk" FOREIGN KEY ("settled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "heating_refunds" ADD CONSTRAINT "heating_refunds_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "heating_rules" ADD CONSTRAINT "heating_rules_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "heating_rules" ADD CONSTRAINT "heating_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "heating_seasons" ADD CONSTRAINT "heating_seasons_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "heating_seasons" ADD CONSTRAINT "heating_seasons_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "heat_meter_disputes_enterprise_idx" ON "heat_meter_disputes" USING btree ("enterprise_id","status","raised_on");--> statement-breakpoint
CREATE UNIQUE INDEX "heating_refunds_no_uq" ON "heating_refunds" USING btree ("enterprise_id","refund_no");--> statement-breakpoint
CREATE INDEX "heating_refunds_due_idx" ON "heating_refunds" USING btree ("enterprise_id","status","latest_on");--> statement-breakpoint
CREATE UNIQUE INDEX "heating_rules_uq" ON "heating_rules" USING btree ("enterprise_id","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "heating_seasons_uq" ON "heating_seasons" USING btree ("enterprise_id","area","period");--> statement-breakpoint
CREATE INDEX "heating_seasons_dates_idx" ON "heating_seasons" USING btree ("enterprise_id","starts_on");