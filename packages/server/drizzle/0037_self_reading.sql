-- Issue 16: a resident's self-reading of a gas meter with its photo. A clean one is also a `customer` meter reading
-- (reading_id); a flagged one waits for staff review (status), and only a review may change it.
CREATE TABLE IF NOT EXISTS "resident_readings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"customer_id" uuid NOT NULL REFERENCES "customers"("id"),
	"meter_id" uuid NOT NULL REFERENCES "meters"("id"),
	"user_id" uuid NOT NULL REFERENCES "users"("id"),
	"read_on" date NOT NULL,
	"register" bigint NOT NULL,
	"usage" bigint,
	"photo_mime" text NOT NULL,
	"photo_base64" text NOT NULL,
	"photo_sha256" text NOT NULL,
	"note" text NOT NULL DEFAULT '',
	"flags" jsonb NOT NULL DEFAULT '[]'::jsonb,
	"status" text NOT NULL,
	"reading_id" uuid REFERENCES "meter_readings"("id"),
	"reviewed_by" uuid REFERENCES "users"("id"),
	"reviewed_at" timestamp with time zone,
	"review_note" text NOT NULL DEFAULT '',
	"created_at" timestamp with time zone NOT NULL DEFAULT now()
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "resident_readings_customer_idx" ON "resident_readings" ("customer_id", "created_at");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "resident_readings_review_idx" ON "resident_readings" ("enterprise_id", "status", "created_at");
--> statement-breakpoint
-- When a resident last read the step notices of his orders (later steps are shown as unread on his home page).
CREATE TABLE IF NOT EXISTS "resident_notice_reads" (
	"user_id" uuid PRIMARY KEY NOT NULL REFERENCES "users"("id"),
	"seen_at" timestamp with time zone NOT NULL
);
