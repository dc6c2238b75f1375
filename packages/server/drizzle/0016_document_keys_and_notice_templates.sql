-- Time-ordered ids for documents written in bulk (a UUID version 7 in SQL; PostgreSQL 18 has uuidv7(), 15 does not):
-- a billing run's bills and notices append to their indexes instead of touching random pages.
CREATE OR REPLACE FUNCTION ranre_uuid_v7() RETURNS uuid LANGUAGE sql VOLATILE AS $$
  SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
    PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6),
    52, 1), 53, 1), 'hex')::uuid
$$;
--> statement-breakpoint
-- The target of the documents' (enterprise_id, customer_id) keys: created before the keys that reference it.
CREATE UNIQUE INDEX "customers_enterprise_id_uq" ON "customers" USING btree ("enterprise_id","id");
--> statement-breakpoint
CREATE TABLE "notice_templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bills" DROP CONSTRAINT "bills_enterprise_id_enterprises_id_fk";
--> statement-breakpoint
ALTER TABLE "bills" DROP CONSTRAINT "bills_customer_id_customers_id_fk";
--> statement-breakpoint
ALTER TABLE "ledger_entries" DROP CONSTRAINT "ledger_entries_enterprise_id_enterprises_id_fk";
--> statement-breakpoint
ALTER TABLE "ledger_entries" DROP CONSTRAINT "ledger_entries_customer_id_customers_id_fk";
--> statement-breakpoint
ALTER TABLE "payment_notices" DROP CONSTRAINT "payment_notices_enterprise_id_enterprises_id_fk";
--> statement-breakpoint
ALTER TABLE "payment_notices" DROP CONSTRAINT "payment_notices_customer_id_customers_id_fk";
--> statement-breakpoint
ALTER TABLE "bills" ALTER COLUMN "id" SET DEFAULT ranre_uuid_v7();--> statement-breakpoint
ALTER TABLE "payment_notices" ALTER COLUMN "id" SET DEFAULT ranre_uuid_v7();--> statement-breakpoint
ALTER TABLE "payment_notices" ADD COLUMN "template_id" uuid;--> statement-breakpoint
ALTER TABLE "notice_templates" ADD CONSTRAINT "notice_templates_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bills" ADD CONSTRAINT "bills_customer_fk" FOREIGN KEY ("enterprise_id","customer_id") REFERENCES "public"."customers"("enterprise_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_customer_fk" FOREIGN KEY ("enterprise_id","customer_id") REFERENCES "public"."customers"("enterprise_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_notices" ADD CONSTRAINT "payment_notices_template_id_notice_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."notice_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_notices" ADD CONSTRAINT "payment_notices_customer_fk" FOREIGN KEY ("enterprise_id","customer_id") REFERENCES "public"."customers"("enterprise_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE TRIGGER notice_templates_no_update_delete BEFORE UPDATE OR DELETE ON notice_templates
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER notice_templates_no_truncate BEFORE TRUNCATE ON notice_templates
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
