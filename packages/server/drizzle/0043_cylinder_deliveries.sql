-- Issue 18 (bottled gas): deliveries to the customer's kitchen (G-7.2.1, G-7.2.2) and the residue weighed in the
-- cylinders taken back, with the published compensation credited once per return (G-7.1.13, G-7.1.14).
CREATE TABLE IF NOT EXISTS "cylinder_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"work_order_id" uuid NOT NULL REFERENCES "work_orders"("id"),
	"customer_id" uuid NOT NULL REFERENCES "customers"("id"),
	"full_cylinder_id" uuid NOT NULL REFERENCES "cylinders"("id"),
	"empty_cylinder_id" uuid REFERENCES "cylinders"("id"),
	"receipt_no" text NOT NULL,
	"amount_fen" integer NOT NULL CHECK ("amount_fen" >= 0),
	"installed" boolean NOT NULL,
	"leak_checked" boolean NOT NULL,
	"ignition_tested" boolean NOT NULL,
	"declined_advice" text,
	"handbook_given" boolean NOT NULL,
	"signature_attachment_id" uuid,
	"agreed_at" timestamp with time zone,
	"on_time" boolean NOT NULL,
	"courier_id" uuid NOT NULL,
	"delivered_at" timestamp with time zone NOT NULL,
	CHECK ("installed" = ("declined_advice" IS NULL)),
	CHECK (NOT "installed" OR ("leak_checked" AND "ignition_tested"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "cylinder_deliveries_order_uq" ON "cylinder_deliveries" ("work_order_id");
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "cylinder_deliveries_receipt_uq" ON "cylinder_deliveries" ("enterprise_id", "receipt_no");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "cylinder_deliveries_enterprise_idx" ON "cylinder_deliveries" ("enterprise_id", "delivered_at");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "cylinder_deliveries_empty_idx" ON "cylinder_deliveries" ("empty_cylinder_id");
--> statement-breakpoint
CREATE TRIGGER cylinder_deliveries_no_update_delete BEFORE UPDATE OR DELETE ON cylinder_deliveries
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "cylinder_residues" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"delivery_id" uuid NOT NULL REFERENCES "cylinder_deliveries"("id"),
	"cylinder_id" uuid NOT NULL REFERENCES "cylinders"("id"),
	"customer_id" uuid NOT NULL REFERENCES "customers"("id"),
	"residue_g" integer NOT NULL CHECK ("residue_g" >= 0),
	"fill_g" integer NOT NULL,
	"limit_g" integer NOT NULL,
	"excess_g" integer NOT NULL,
	"price_fen_per_kg" integer NOT NULL,
	"refund_fen" integer NOT NULL,
	"ledger_entry_id" bigint,
	"weighed_by" uuid NOT NULL,
	"weighed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
-- Once per return: a second weighing of the same returned cylinder is refused, so it is never credited twice.
CREATE UNIQUE INDEX IF NOT EXISTS "cylinder_residues_delivery_uq" ON "cylinder_residues" ("delivery_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "cylinder_residues_enterprise_idx" ON "cylinder_residues" ("enterprise_id", "weighed_at");
--> statement-breakpoint
CREATE TRIGGER cylinder_residues_no_update_delete BEFORE UPDATE OR DELETE ON cylinder_residues
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
