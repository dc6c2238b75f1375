-- G-9.2.6, H-7.3.8: the price list (materials, parts, labour in fen) the customer signed before priced work.
-- A changed price list is a new consent; the latest one counts. Append-only.
CREATE TABLE IF NOT EXISTS "repair_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"work_order_id" uuid NOT NULL REFERENCES "work_orders"("id"),
	"lines" jsonb NOT NULL,
	"total_fen" integer NOT NULL,
	"charged_fen" integer NOT NULL,
	"warranty_id" uuid,
	"signer_name" text NOT NULL,
	"signature_attachment_id" uuid NOT NULL REFERENCES "attachments"("id"),
	"signed_at" timestamp with time zone NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "repair_consents_order_idx" ON "repair_consents" ("work_order_id", "signed_at");
--> statement-breakpoint
CREATE TRIGGER repair_consents_no_update_delete BEFORE UPDATE OR DELETE ON repair_consents
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
-- G-9.2.8: the warranty on work done, from the completion of the order; a free redo starts a new one that names
-- the warranty it restarts. Append-only.
CREATE TABLE IF NOT EXISTS "warranties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"work_order_id" uuid NOT NULL REFERENCES "work_orders"("id"),
	"customer_id" uuid REFERENCES "customers"("id"),
	"address" text NOT NULL,
	"address_key" text NOT NULL,
	"kind" text NOT NULL,
	"months" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"restarts_warranty_id" uuid REFERENCES "warranties"("id"),
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "warranties_order_uq" ON "warranties" ("work_order_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "warranties_address_idx" ON "warranties" ("enterprise_id", "address_key", "ends_on");
--> statement-breakpoint
CREATE TRIGGER warranties_no_update_delete BEFORE UPDATE OR DELETE ON warranties
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
-- G-9.2.7: the quality certificate, one per order, its fields kept as issued. Never changed.
CREATE TABLE IF NOT EXISTS "quality_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"work_order_id" uuid NOT NULL REFERENCES "work_orders"("id"),
	"certificate_no" text NOT NULL,
	"fields" jsonb NOT NULL,
	"installer_signature_id" uuid NOT NULL REFERENCES "attachments"("id"),
	"tester_signature_id" uuid NOT NULL REFERENCES "attachments"("id"),
	"issued_on" date NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "quality_certificates_order_uq" ON "quality_certificates" ("work_order_id");
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "quality_certificates_no_uq" ON "quality_certificates" ("enterprise_id", "certificate_no");
--> statement-breakpoint
CREATE TRIGGER quality_certificates_no_update_delete BEFORE UPDATE OR DELETE ON quality_certificates
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
