-- Residents book a visit from the phone (issue 16; G-5.9.2, H-7.6.5.1): a room-temperature test or a bottled-gas
-- delivery becomes a work order, a gas inspection is the household's planned visit. Each row keeps the time the
-- resident proposed, as he proposed it (append-only); the agreed time is the staff's (the order's
-- appointment_agreed event, or inspection_visits.agreed_at).
CREATE TABLE IF NOT EXISTS "resident_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"user_id" uuid NOT NULL REFERENCES "users"("id"),
	"customer_id" uuid NOT NULL REFERENCES "customers"("id"),
	"kind" text NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"work_order_id" uuid REFERENCES "work_orders"("id"),
	"visit_id" uuid REFERENCES "inspection_visits"("id"),
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "resident_bookings_kind_ck" CHECK ("kind" in ('temperature_test', 'inspection', 'bottled_gas_delivery')),
	CONSTRAINT "resident_bookings_target_ck" CHECK (("kind" = 'inspection') = ("visit_id" is not null) and ("work_order_id" is null) = ("visit_id" is not null))
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "resident_bookings_user_idx" ON "resident_bookings" ("user_id", "created_at");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "resident_bookings_visit_idx" ON "resident_bookings" ("visit_id", "created_at");
--> statement-breakpoint
CREATE TRIGGER resident_bookings_no_update_delete BEFORE UPDATE OR DELETE ON resident_bookings
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
