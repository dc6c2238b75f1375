-- Issue 14's performance: every clock indicator leaves out the orders that ended without the service (referred,
-- refused, cancelled). A small index of just those events lets the evaluation test each order of a period against
-- it instead of reading every event of every order.
CREATE INDEX IF NOT EXISTS "work_order_events_ended_idx" ON "work_order_events" ("order_id")
	WHERE "type" IN ('referred', 'refused', 'cancelled');
--> statement-breakpoint
-- G-12.4.5, H-10.3.7: the return visits of a period, per enterprise, without reading every event.
CREATE INDEX IF NOT EXISTS "work_order_events_return_visit_idx" ON "work_order_events" ("enterprise_id", "at")
	WHERE "type" = 'return_visited';
