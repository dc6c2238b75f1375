-- Issue 18. The bottled-gas company's published price list (model, fill, price in fen; the delivery fee) with the day
-- it takes effect, never edited and kept as history; residents' self-service orders priced on it; and G-8.1.3's
-- receipt for a vehicle fill, issued once per fill and immutable.
CREATE TABLE IF NOT EXISTS "cylinder_price_lists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"effective_from" date NOT NULL,
	"items" jsonb NOT NULL,
	"delivery_fee_fen" integer NOT NULL,
	"basis" text DEFAULT '' NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "cylinder_price_lists_day_uq" ON "cylinder_price_lists" ("enterprise_id", "effective_from");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "bottled_gas_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"booking_id" uuid NOT NULL REFERENCES "resident_bookings"("id"),
	"work_order_id" uuid NOT NULL REFERENCES "work_orders"("id"),
	"customer_id" uuid NOT NULL REFERENCES "customers"("id"),
	"price_list_id" uuid NOT NULL REFERENCES "cylinder_price_lists"("id"),
	"model" text NOT NULL,
	"fill_g" integer NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_fen" integer NOT NULL,
	"delivery_fee_fen" integer NOT NULL,
	"total_fen" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "bottled_gas_orders_booking_uq" ON "bottled_gas_orders" ("booking_id");
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "bottled_gas_orders_order_uq" ON "bottled_gas_orders" ("work_order_id");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "bottled_gas_orders_enterprise_idx" ON "bottled_gas_orders" ("enterprise_id", "created_at");
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "vehicle_fill_receipts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"fill_id" uuid NOT NULL REFERENCES "vehicle_fills"("id"),
	"receipt_no" text NOT NULL,
	"unit_price_fen" integer NOT NULL,
	"quantity_milli" bigint NOT NULL,
	"unit" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"payment_method" text NOT NULL,
	"issued_by" uuid,
	"issued_by_name" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "vehicle_fill_receipts_fill_uq" ON "vehicle_fill_receipts" ("fill_id");
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "vehicle_fill_receipts_no_uq" ON "vehicle_fill_receipts" ("enterprise_id", "receipt_no");
--> statement-breakpoint
-- Published lists, placed orders and issued receipts are documents: never edited or deleted.
CREATE TRIGGER cylinder_price_lists_no_update_delete BEFORE UPDATE OR DELETE ON cylinder_price_lists
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER bottled_gas_orders_no_update_delete BEFORE UPDATE OR DELETE ON bottled_gas_orders
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER vehicle_fill_receipts_no_update_delete BEFORE UPDATE OR DELETE ON vehicle_fill_receipts
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
