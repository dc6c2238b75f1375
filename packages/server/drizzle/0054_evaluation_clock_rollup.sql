-- Issue 14 at 5,000,000 orders: the clock indicators (G-12.4.1–G-12.4.2, H-10.5.2, H-10.5.4, H-10.5.5) read a
-- per-day count of clocks instead of every order of the period. Each clock is counted under the Shanghai day its
-- order was received, with what the indicators tell apart: its state, whether it stopped, whether the complaint was
-- judged unreasonable. An order that ended without the service (referred, refused, cancelled) counts nowhere.
--
-- The counts are kept by statement triggers in the writer's own transaction, so they can never disagree with the
-- records. A writer appends its change to evaluation_clock_deltas (no row is shared between writers, so intake
-- never waits on another intake); a job folds the deltas into evaluation_clock_days. A reader sums both.
CREATE TABLE IF NOT EXISTS "evaluation_clock_days" (
	"day" date NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"item_code" text NOT NULL,
	"clock" text NOT NULL,
	"state" text NOT NULL,
	"stopped" boolean NOT NULL,
	"unreasonable" boolean NOT NULL,
	"n" bigint NOT NULL,
	PRIMARY KEY ("day", "enterprise_id", "item_code", "clock", "state", "stopped", "unreasonable")
);
--> statement-breakpoint
CREATE TABLE IF NOT EXISTS "evaluation_clock_deltas" (
	"id" bigserial PRIMARY KEY,
	"day" date NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"item_code" text NOT NULL,
	"clock" text NOT NULL,
	"state" text NOT NULL,
	"stopped" boolean NOT NULL,
	"unreasonable" boolean NOT NULL,
	"n" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "evaluation_clock_deltas_day_idx" ON "evaluation_clock_deltas" ("day");
--> statement-breakpoint
-- What a clock of an order is counted under: the Shanghai day the order was received, its enterprise and item,
-- whether its complaint was judged unreasonable, and whether it ended without the service (then it counts nowhere).
-- One SELECT, so the planner folds it into each trigger's query as a join.
CREATE OR REPLACE FUNCTION evaluation_order_key(order_id uuid)
RETURNS TABLE (day date, enterprise_id uuid, item_code text, unreasonable boolean, ended boolean)
LANGUAGE sql STABLE AS $$
	SELECT (o.received_at AT TIME ZONE 'Asia/Shanghai')::date, o.enterprise_id, o.item_code,
		coalesce(k.reasonable = false, false),
		EXISTS (SELECT 1 FROM work_order_events e
			WHERE e.order_id = o.id AND e.type IN ('referred', 'refused', 'cancelled'))
	FROM work_orders o LEFT JOIN complaints k ON k.order_id = o.id
	WHERE o.id = evaluation_order_key.order_id
$$;
--> statement-breakpoint
-- Clocks started, changed or removed: what changed is taken away as it was and added as it is; equal pairs
-- cancel, so a change of a due time alone writes nothing.
CREATE OR REPLACE FUNCTION evaluation_clocks_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO evaluation_clock_deltas (day, enterprise_id, item_code, clock, state, stopped, unreasonable, n)
	SELECT k.day, k.enterprise_id, k.item_code, c.name, c.state, c.stopped_at IS NOT NULL, k.unreasonable, count(*)
	FROM evaluation_new_clocks c CROSS JOIN LATERAL evaluation_order_key(c.order_id) k
	WHERE NOT k.ended
	GROUP BY 1, 2, 3, 4, 5, 6, 7;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION evaluation_clocks_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO evaluation_clock_deltas (day, enterprise_id, item_code, clock, state, stopped, unreasonable, n)
	SELECT k.day, k.enterprise_id, k.item_code, c.name, c.state, c.stopped, k.unreasonable, sum(c.n)
	FROM (
		SELECT x.order_id, x.name, x.state, x.stopped_at IS NOT NULL AS stopped, -1 AS n FROM evaluation_old_clocks x
		UNION ALL
		SELECT x.order_id, x.name, x.state, x.stopped_at IS NOT NULL, 1 FROM evaluation_new_clocks x
	) c CROSS JOIN LATERAL evaluation_order_key(c.order_id) k
	WHERE NOT k.ended
	GROUP BY 1, 2, 3, 4, 5, 6, 7
	HAVING sum(c.n) <> 0;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION evaluation_clocks_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO evaluation_clock_deltas (day, enterprise_id, item_code, clock, state, stopped, unreasonable, n)
	SELECT k.day, k.enterprise_id, k.item_code, c.name, c.state, c.stopped_at IS NOT NULL, k.unreasonable, -count(*)
	FROM evaluation_old_clocks c CROSS JOIN LATERAL evaluation_order_key(c.order_id) k
	WHERE NOT k.ended
	GROUP BY 1, 2, 3, 4, 5, 6, 7;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER evaluation_clocks_inserted AFTER INSERT ON work_order_clocks
	REFERENCING NEW TABLE AS evaluation_new_clocks FOR EACH STATEMENT EXECUTE FUNCTION evaluation_clocks_inserted();
--> statement-breakpoint
CREATE TRIGGER evaluation_clocks_updated AFTER UPDATE ON work_order_clocks
	REFERENCING OLD TABLE AS evaluation_old_clocks NEW TABLE AS evaluation_new_clocks
	FOR EACH STATEMENT EXECUTE FUNCTION evaluation_clocks_updated();
--> statement-breakpoint
CREATE TRIGGER evaluation_clocks_deleted AFTER DELETE ON work_order_clocks
	REFERENCING OLD TABLE AS evaluation_old_clocks FOR EACH STATEMENT EXECUTE FUNCTION evaluation_clocks_deleted();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION evaluation_complaints_judged() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO evaluation_clock_deltas (day, enterprise_id, item_code, clock, state, stopped, unreasonable, n)
	SELECT k.day, k.enterprise_id, k.item_code, c.name, c.state, c.stopped_at IS NOT NULL, f.unreasonable, sum(f.n)
	FROM (
		SELECT x.order_id, coalesce(x.reasonable = false, false) AS unreasonable, -1 AS n
		FROM evaluation_old_complaints x
		UNION ALL
		SELECT x.order_id, coalesce(x.reasonable = false, false), 1 FROM evaluation_new_complaints x
	) f
	JOIN work_order_clocks c ON c.order_id = f.order_id
	CROSS JOIN LATERAL evaluation_order_key(f.order_id) k
	WHERE NOT k.ended
	GROUP BY 1, 2, 3, 4, 5, 6, 7
	HAVING sum(f.n) <> 0;
	RETURN NULL;
END $$;
--> statement-breakpoint
-- An inserted complaint moves from "not unreasonable" to its flag; a deleted one back.
CREATE OR REPLACE FUNCTION evaluation_complaints_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO evaluation_clock_deltas (day, enterprise_id, item_code, clock, state, stopped, unreasonable, n)
	SELECT k.day, k.enterprise_id, k.item_code, c.name, c.state, c.stopped_at IS NOT NULL, f.unreasonable, sum(f.n)
	FROM evaluation_new_complaints x
	CROSS JOIN LATERAL (VALUES (false, -1), (true, 1)) f(unreasonable, n)
	JOIN work_order_clocks c ON c.order_id = x.order_id
	CROSS JOIN LATERAL evaluation_order_key(x.order_id) k
	WHERE x.reasonable = false AND NOT k.ended
	GROUP BY 1, 2, 3, 4, 5, 6, 7;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION evaluation_complaints_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO evaluation_clock_deltas (day, enterprise_id, item_code, clock, state, stopped, unreasonable, n)
	SELECT k.day, k.enterprise_id, k.item_code, c.name, c.state, c.stopped_at IS NOT NULL, f.unreasonable, sum(f.n)
	FROM evaluation_old_complaints x
	CROSS JOIN LATERAL (VALUES (true, -1), (false, 1)) f(unreasonable, n)
	JOIN work_order_clocks c ON c.order_id = x.order_id
	CROSS JOIN LATERAL evaluation_order_key(x.order_id) k
	WHERE x.reasonable = false AND NOT k.ended
	GROUP BY 1, 2, 3, 4, 5, 6, 7;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER evaluation_complaints_added AFTER INSERT ON complaints
	REFERENCING NEW TABLE AS evaluation_new_complaints FOR EACH STATEMENT EXECUTE FUNCTION evaluation_complaints_added();
--> statement-breakpoint
CREATE TRIGGER evaluation_complaints_judged AFTER UPDATE ON complaints
	REFERENCING OLD TABLE AS evaluation_old_complaints NEW TABLE AS evaluation_new_complaints
	FOR EACH STATEMENT EXECUTE FUNCTION evaluation_complaints_judged();
--> statement-breakpoint
CREATE TRIGGER evaluation_complaints_removed AFTER DELETE ON complaints
	REFERENCING OLD TABLE AS evaluation_old_complaints FOR EACH STATEMENT EXECUTE FUNCTION evaluation_complaints_removed();
--> statement-breakpoint
-- An order that ends without the service leaves every indicator: its clocks are taken away as they stand, once
-- (by its first ending event; a later one, or a second in the same statement, finds an earlier id and moves
-- nothing). A row trigger with a condition: the other events of an order, most of all, queue nothing.
CREATE OR REPLACE FUNCTION evaluation_order_ended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO evaluation_clock_deltas (day, enterprise_id, item_code, clock, state, stopped, unreasonable, n)
	SELECT k.day, k.enterprise_id, k.item_code, c.name, c.state, c.stopped_at IS NOT NULL, k.unreasonable, -count(*)
	FROM work_order_clocks c CROSS JOIN LATERAL evaluation_order_key(c.order_id) k
	WHERE c.order_id = NEW.order_id
		AND NOT EXISTS (SELECT 1 FROM work_order_events e
			WHERE e.order_id = NEW.order_id AND e.type IN ('referred', 'refused', 'cancelled') AND e.id < NEW.id)
	GROUP BY 1, 2, 3, 4, 5, 6, 7;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER evaluation_order_ended AFTER INSERT ON work_order_events
	FOR EACH ROW WHEN (NEW.type IN ('referred', 'refused', 'cancelled')) EXECUTE FUNCTION evaluation_order_ended();
--> statement-breakpoint
-- An order moved to another enterprise, item or received time moves its clocks with it. A row trigger on those
-- columns alone: the projection's updates on every step of an order queue nothing.
CREATE OR REPLACE FUNCTION evaluation_order_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO evaluation_clock_deltas (day, enterprise_id, item_code, clock, state, stopped, unreasonable, n)
	SELECT (m.received_at AT TIME ZONE 'Asia/Shanghai')::date, m.enterprise_id, m.item_code, c.name, c.state,
		c.stopped_at IS NOT NULL, k.unreasonable, sum(m.n)
	FROM (VALUES (OLD.enterprise_id, OLD.item_code, OLD.received_at, -1),
		(NEW.enterprise_id, NEW.item_code, NEW.received_at, 1)) m(enterprise_id, item_code, received_at, n)
	CROSS JOIN work_order_clocks c
	CROSS JOIN LATERAL evaluation_order_key(NEW.id) k
	WHERE c.order_id = NEW.id AND NOT k.ended
	GROUP BY 1, 2, 3, 4, 5, 6, 7
	HAVING sum(m.n) <> 0;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER evaluation_order_moved AFTER UPDATE OF enterprise_id, item_code, received_at ON work_orders
	FOR EACH ROW WHEN ((OLD.enterprise_id, OLD.item_code, OLD.received_at)
		IS DISTINCT FROM (NEW.enterprise_id, NEW.item_code, NEW.received_at))
	EXECUTE FUNCTION evaluation_order_moved();
--> statement-breakpoint
-- What is already recorded, counted once.
INSERT INTO evaluation_clock_days (day, enterprise_id, item_code, clock, state, stopped, unreasonable, n)
SELECT k.day, k.enterprise_id, k.item_code, c.name, c.state, c.stopped_at IS NOT NULL, k.unreasonable, count(*)
FROM work_order_clocks c CROSS JOIN LATERAL evaluation_order_key(c.order_id) k
WHERE NOT k.ended
GROUP BY 1, 2, 3, 4, 5, 6, 7;
