-- G-5.10.1, G-5.10.6: the safety handbook handed to a customer and the education given, one record each time
-- (at connection, inspection, delivery or a counter). Append-only.
CREATE TABLE IF NOT EXISTS "safety_education_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"customer_id" uuid NOT NULL REFERENCES "customers"("id"),
	"occasion" text NOT NULL,
	"handbook_given" boolean NOT NULL,
	"topics" jsonb NOT NULL,
	"given_on" date NOT NULL,
	"note" text NOT NULL DEFAULT '',
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "safety_education_customer_idx" ON "safety_education_records" ("customer_id", "given_on");
--> statement-breakpoint
CREATE TRIGGER safety_education_records_no_update_delete BEFORE UPDATE OR DELETE ON safety_education_records
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
