-- G-9.1.1–G-9.1.3: the appliance catalogue of a seller — brand, model, the gas type it is certified for, its
-- certificate number, warranty terms and marked price (fen). A catalogue line is changed (price, terms, withdrawn) with
-- an audit event; a sale keeps the values it was sold at.
CREATE TABLE IF NOT EXISTS "appliance_models" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"category" text NOT NULL,
	"brand" text NOT NULL,
	"model" text NOT NULL,
	"gas_type" text NOT NULL,
	"certificate_no" text NOT NULL,
	"warranty_months" integer NOT NULL,
	"warranty_terms" text NOT NULL DEFAULT '',
	"price_fen" integer NOT NULL,
	"active" boolean NOT NULL DEFAULT true,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "appliance_models_uq" ON "appliance_models" ("enterprise_id", "brand", "model", "gas_type");
--> statement-breakpoint
-- G-9.1.3: a sale at the counter, what was sold as sold, the gas at the customer's address and where that came from,
-- and what the customer received (receipt, warranty card, certificate, manual, gas-type label). Append-only.
CREATE TABLE IF NOT EXISTS "appliance_sales" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"sale_no" text NOT NULL,
	"model_id" uuid NOT NULL REFERENCES "appliance_models"("id"),
	"brand" text NOT NULL,
	"model" text NOT NULL,
	"gas_type" text NOT NULL,
	"certificate_no" text NOT NULL,
	"warranty_months" integer NOT NULL,
	"unit_fen" integer NOT NULL,
	"quantity" integer NOT NULL,
	"total_fen" integer NOT NULL,
	"customer_name" text NOT NULL,
	"customer_phone" text NOT NULL,
	"address" text NOT NULL,
	"supply" text NOT NULL,
	"community" text NOT NULL DEFAULT '',
	"address_gas_type" text NOT NULL,
	"gas_type_source" text NOT NULL,
	"handed_over" jsonb NOT NULL,
	"sold_by" uuid NOT NULL,
	"sold_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "appliance_sales_no_uq" ON "appliance_sales" ("enterprise_id", "sale_no");
--> statement-breakpoint
CREATE TRIGGER appliance_sales_no_update_delete BEFORE UPDATE OR DELETE ON appliance_sales
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
-- G-9.2.5 c): a walk-in repair not finished the same day — the reason and the agreed pick-up date on a repair slip.
-- A new date is a new slip; the latest counts. Append-only.
CREATE TABLE IF NOT EXISTS "repair_slips" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"work_order_id" uuid NOT NULL REFERENCES "work_orders"("id"),
	"slip_no" text NOT NULL,
	"appliance" text NOT NULL,
	"reason" text NOT NULL,
	"pick_up_on" date NOT NULL,
	"issued_by" uuid NOT NULL,
	"issued_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "repair_slips_no_uq" ON "repair_slips" ("enterprise_id", "slip_no");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "repair_slips_order_idx" ON "repair_slips" ("work_order_id", "issued_at");
--> statement-breakpoint
CREATE TRIGGER repair_slips_no_update_delete BEFORE UPDATE OR DELETE ON repair_slips
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
-- G-5.6.1, G-9.2.2: the certificates an enterprise requires for a job (a catalogue item). Declared as data; where an
-- item has any, only a login linked to a staff record holding each of them, valid, is dispatched to it.
CREATE TABLE IF NOT EXISTS "qualification_requirements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"item_code" text NOT NULL,
	"certificate_name" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "qualification_requirements_uq" ON "qualification_requirements" ("enterprise_id", "item_code", "certificate_name");
--> statement-breakpoint
-- H-7.3.8, G-5.11.7: on a gas or heating repair the technician records whose facility it is; the customer's own is
-- paid work and needs the signed price list before it starts. Append-only; the latest counts.
CREATE TABLE IF NOT EXISTS "repair_facility_owners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"work_order_id" uuid NOT NULL REFERENCES "work_orders"("id"),
	"owner" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "repair_facility_owners_order_idx" ON "repair_facility_owners" ("work_order_id", "created_at");
--> statement-breakpoint
CREATE TRIGGER repair_facility_owners_no_update_delete BEFORE UPDATE OR DELETE ON repair_facility_owners
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
-- G-9.3.1: the return visits after an installation, on the schedule in `domain/appliances/return-visits.ts`: the
-- safety advice given (operation, precautions, what to do on a leak) and the customer's answers. Append-only.
CREATE TABLE IF NOT EXISTS "appliance_return_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"work_order_id" uuid NOT NULL REFERENCES "work_orders"("id"),
	"due_on" date NOT NULL,
	"channel" text NOT NULL,
	"advice" jsonb NOT NULL,
	"answers" text NOT NULL,
	"visited_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "appliance_return_visits_uq" ON "appliance_return_visits" ("work_order_id", "due_on");
--> statement-breakpoint
CREATE TRIGGER appliance_return_visits_no_update_delete BEFORE UPDATE OR DELETE ON appliance_return_visits
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
