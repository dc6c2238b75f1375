CREATE TABLE "low_temperature_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"work_order_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"premises_id" uuid NOT NULL,
	"measurement_id" uuid NOT NULL,
	"status" text DEFAULT 'measured' NOT NULL,
	"company_result" text NOT NULL,
	"disputed_by_customer" boolean DEFAULT false NOT NULL,
	"third_party_institution" text,
	"third_party_result" text,
	"third_party_tenths" smallint,
	"third_party_tested_on" date,
	"test_fee_fen" integer,
	"final_result" text,
	"cause" text,
	"test_paid_by" text,
	"repair_by" text,
	"fee_reduced" boolean,
	"outcome_reason" jsonb,
	"below_from" date,
	"restored_on" date,
	"days_below" integer,
	"tenths_below" integer,
	"rule_id" uuid,
	"reduction_fen" integer,
	"ledger_entry_id" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "low_temperature_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"name" text NOT NULL,
	"fen_per_day_per_degree" integer NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"basis" text DEFAULT '' NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sample_households" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"premises_id" uuid NOT NULL,
	"network_position" text NOT NULL,
	"orientation" text NOT NULL,
	"floor_band" text NOT NULL,
	"assigned_on" date,
	"measurer_id" uuid,
	"status" text DEFAULT 'planned' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sampling_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"season_id" uuid NOT NULL,
	"requested_size" integer NOT NULL,
	"selected_count" integer NOT NULL,
	"population_count" integer NOT NULL,
	"excluded_last_season" integer DEFAULT 0 NOT NULL,
	"quotas" jsonb NOT NULL,
	"shortfalls" jsonb NOT NULL,
	"seed" integer NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sensor_ingestions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"received" integer NOT NULL,
	"accepted" integer NOT NULL,
	"rejections" jsonb NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "sensor_readings" (
	"sensor_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"tenths" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sensors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"sensor_code" text NOT NULL,
	"premises_id" uuid NOT NULL,
	"room" text DEFAULT 'living_room' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"installed_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "temperature_measurements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"premises_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL,
	"sample_household_id" uuid,
	"work_order_id" uuid,
	"measured_at" timestamp with time zone NOT NULL,
	"protocol" jsonb NOT NULL,
	"conditions" jsonb NOT NULL,
	"readings" jsonb NOT NULL,
	"unit_heat_use_rate" text NOT NULL,
	"contract_tenths" smallint,
	"outdoor_tenths" smallint,
	"band" text NOT NULL,
	"required_tenths" smallint,
	"min_decisive_tenths" smallint,
	"outcome" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"signature_data" text,
	"signature_refused_reason" text,
	"measured_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "low_temperature_cases" ADD CONSTRAINT "low_temperature_cases_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "low_temperature_cases" ADD CONSTRAINT "low_temperature_cases_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "low_temperature_cases" ADD CONSTRAINT "low_temperature_cases_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "low_temperature_cases" ADD CONSTRAINT "low_temperature_cases_premises_id_premises_id_fk" FOREIGN KEY ("premises_id") REFERENCES "public"."premises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "low_temperature_cases" ADD CONSTRAINT "low_temperature_cases_measurement_id_temperature_measurements_id_fk" FOREIGN KEY ("measurement_id") REFERENCES "public"."temperature_measurements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "low_temperature_cases" ADD CONSTRAINT "low_temperature_cases_rule_id_low_temperature_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."low_temperature_rules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "low_temperature_cases" ADD CONSTRAINT "low_temperature_cases_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "low_temperature_rules" ADD CONSTRAINT "low_temperature_rules_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "low_temperature_rules" ADD CONSTRAINT "low_temperature_rules_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_households" ADD CONSTRAINT "sample_households_plan_id_sampling_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."sampling_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_households" ADD CONSTRAINT "sample_households_premises_id_premises_id_fk" FOREIGN KEY ("premises_id") REFERENCES "public"."premises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sample_households" ADD CONSTRAINT "sample_households_measurer_id_users_id_fk" FOREIGN KEY ("measurer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_plans" ADD CONSTRAINT "sampling_plans_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_plans" ADD CONSTRAINT "sampling_plans_season_id_heating_seasons_id_fk" FOREIGN KEY ("season_id") REFERENCES "public"."heating_seasons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sampling_plans" ADD CONSTRAINT "sampling_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sensor_ingestions" ADD CONSTRAINT "sensor_ingestions_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sensor_ingestions" ADD CONSTRAINT "sensor_ingestions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sensor_readings" ADD CONSTRAINT "sensor_readings_sensor_id_sensors_id_fk" FOREIGN KEY ("sensor_id") REFERENCES "public"."sensors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sensors" ADD CONSTRAINT "sensors_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sensors" ADD CONSTRAINT "sensors_premises_id_premises_id_fk" FOREIGN KEY ("premises_id") REFERENCES "public"."premises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "temperature_measurements" ADD CONSTRAINT "temperature_measurements_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "temperature_measurements" ADD CONSTRAINT "temperature_measurements_premises_id_premises_id_fk" FOREIGN KEY ("premises_id") REFERENCES "public"."premises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "temperature_measurements" ADD CONSTRAINT "temperature_measurements_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "temperature_measurements" ADD CONSTRAINT "temperature_measurements_sample_household_id_sample_households_id_fk" FOREIGN KEY ("sample_household_id") REFERENCES "public"."sample_households"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "temperature_measurements" ADD CONSTRAINT "temperature_measurements_work_order_id_work_orders_id_fk" FOREIGN KEY ("work_order_id") REFERENCES "public"."work_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "temperature_measurements" ADD CONSTRAINT "temperature_measurements_measured_by_users_id_fk" FOREIGN KEY ("measured_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "low_temperature_cases_order_uq" ON "low_temperature_cases" USING btree ("work_order_id");--> statement-breakpoint
CREATE INDEX "low_temperature_cases_enterprise_idx" ON "low_temperature_cases" USING btree ("enterprise_id","status");--> statement-breakpoint
CREATE INDEX "low_temperature_rules_idx" ON "low_temperature_rules" USING btree ("enterprise_id","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "sample_households_uq" ON "sample_households" USING btree ("plan_id","premises_id");--> statement-breakpoint
CREATE INDEX "sample_households_premises_idx" ON "sample_households" USING btree ("premises_id");--> statement-breakpoint
CREATE INDEX "sample_households_measurer_idx" ON "sample_households" USING btree ("measurer_id","assigned_on");--> statement-breakpoint
CREATE INDEX "sampling_plans_season_idx" ON "sampling_plans" USING btree ("enterprise_id","season_id","created_at");--> statement-breakpoint
CREATE INDEX "sensor_ingestions_enterprise_idx" ON "sensor_ingestions" USING btree ("enterprise_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "sensor_readings_uq" ON "sensor_readings" USING btree ("sensor_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "sensors_code_uq" ON "sensors" USING btree ("enterprise_id","sensor_code");--> statement-breakpoint
CREATE INDEX "sensors_premises_idx" ON "sensors" USING btree ("premises_id");--> statement-breakpoint
CREATE INDEX "temperature_measurements_enterprise_idx" ON "temperature_measurements" USING btree ("enterprise_id","measured_at");--> statement-breakpoint
CREATE INDEX "temperature_measurements_order_idx" ON "temperature_measurements" USING btree ("work_order_id");--> statement-breakpoint
CREATE INDEX "temperature_measurements_premises_idx" ON "temperature_measurements" USING btree ("premises_id","measured_at");