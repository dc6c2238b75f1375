-- Payment orders (intents) for WeChat Pay / Alipay: a channel's notification is matched against one of these by
-- trade number, amount and merchant, and credits the intent's customer once (issue 12).
CREATE TABLE "payment_intents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"customer_id" uuid NOT NULL REFERENCES "customers"("id"),
	"sector" text NOT NULL,
	"channel" text NOT NULL,
	"purpose" text NOT NULL,
	"bill_id" uuid REFERENCES "bills"("id"),
	"meter_id" uuid REFERENCES "meters"("id"),
	"amount_fen" integer NOT NULL,
	"out_trade_no" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"trade_no" text,
	"paid_at" timestamp with time zone,
	"payment_id" uuid REFERENCES "payments"("id"),
	"created_by" uuid REFERENCES "users"("id"),
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "payment_intents_amount_ck" CHECK ("amount_fen" > 0),
	CONSTRAINT "payment_intents_status_ck" CHECK ("status" in ('open', 'paid', 'expired')),
	CONSTRAINT "payment_intents_paid_ck" CHECK (("status" = 'paid') = ("payment_id" is not null and "trade_no" is not null))
);--> statement-breakpoint
CREATE UNIQUE INDEX "payment_intents_out_trade_no_uq" ON "payment_intents" USING btree ("out_trade_no");--> statement-breakpoint
CREATE INDEX "payment_intents_customer_idx" ON "payment_intents" USING btree ("customer_id","created_at");
