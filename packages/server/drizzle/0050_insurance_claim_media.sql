-- Issue 20, H-9.3 / G-11.3: the photos and video of a claim's loss, stored as the work orders' photos are (a data
-- URL's type checked against its bytes, the base64 kept in the row). Append-only: a file is never changed or
-- removed, and none is added once the loss has been counted with the customer (checked by the service).
CREATE TABLE IF NOT EXISTS "insurance_claim_media" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"claim_id" uuid NOT NULL REFERENCES "insurance_claims"("id"),
	"kind" text NOT NULL,
	"mime" text NOT NULL,
	"bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"data_base64" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "insurance_claim_media_claim_idx" ON "insurance_claim_media" ("claim_id", "created_at");
--> statement-breakpoint
CREATE TRIGGER insurance_claim_media_no_update_delete BEFORE UPDATE OR DELETE ON insurance_claim_media
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
