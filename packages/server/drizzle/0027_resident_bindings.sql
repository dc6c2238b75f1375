-- Residents' self-service (issue 16). A binding request: the account a resident named, checked against the holder's
-- name and the last digits of the phone on file, and the SHA-256 of the one-time code sent to that phone; the
-- binding itself is a row of resident_customers, written only when the code is confirmed.
CREATE TABLE "resident_binding_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL REFERENCES "users"("id"),
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"customer_id" uuid REFERENCES "customers"("id"),
	"account_no" text NOT NULL,
	"code_hash" text,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "resident_binding_requests_user_idx" ON "resident_binding_requests" ("user_id", "created_at");
--> statement-breakpoint
-- How a binding was made (the request it was confirmed by); older links (demo, staff) have none.
ALTER TABLE "resident_customers" ADD COLUMN "request_id" uuid REFERENCES "resident_binding_requests"("id");
--> statement-breakpoint
-- What a resident adds to his own order: information, a rating of the work, a reopening (the new order it made).
CREATE TABLE "resident_order_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL REFERENCES "work_orders"("id"),
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"user_id" uuid NOT NULL REFERENCES "users"("id"),
	"kind" text NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"rating" integer,
	"reopened_order_id" uuid REFERENCES "work_orders"("id"),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "resident_order_entries_kind_ck" CHECK ("kind" in ('info', 'rating', 'reopen')),
	CONSTRAINT "resident_order_entries_rating_ck" CHECK (("kind" = 'rating') = ("rating" is not null) and ("rating" is null or "rating" between 1 and 5))
);
--> statement-breakpoint
CREATE INDEX "resident_order_entries_order_idx" ON "resident_order_entries" ("order_id", "created_at");
--> statement-breakpoint
-- One rating and one reopening per order.
CREATE UNIQUE INDEX "resident_order_entries_once_uq" ON "resident_order_entries" ("order_id", "kind") WHERE "kind" in ('rating', 'reopen');
--> statement-breakpoint
-- A resident signs himself up with his mobile: the SHA-256 of a one-time code sent to it, and the login it made.
CREATE TABLE "resident_signups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"phone" text NOT NULL,
	"code_hash" text,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"user_id" uuid REFERENCES "users"("id"),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "resident_signups_phone_idx" ON "resident_signups" ("phone", "created_at");
