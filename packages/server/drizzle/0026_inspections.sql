-- Gas safety inspections (issue 15, G-5.11): yearly plans, planned visits (a projection of the visit records), the
-- visit records themselves (append-only, keyed by the client's id so an offline queue sending twice records once),
-- hazards with their append-only file of events (一患一档).
CREATE TABLE "inspection_plans" (
	"id" uuid PRIMARY KEY DEFAULT ranre_uuid_v7() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"year" integer NOT NULL,
	"visits_per_kind" jsonb NOT NULL,
	"inspector_ids" jsonb NOT NULL,
	"planned_count" integer NOT NULL,
	"customer_count" integer NOT NULL,
	"created_by" uuid REFERENCES "users"("id"),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_plans_year_uq" ON "inspection_plans" ("enterprise_id", "year");
--> statement-breakpoint
CREATE TABLE "inspection_visits" (
	"id" uuid PRIMARY KEY DEFAULT ranre_uuid_v7() NOT NULL,
	"plan_id" uuid NOT NULL REFERENCES "inspection_plans"("id"),
	"enterprise_id" uuid NOT NULL,
	"customer_id" uuid NOT NULL REFERENCES "customers"("id"),
	"premises_id" uuid,
	"kind" text NOT NULL,
	"seq" integer NOT NULL,
	"window_from" date NOT NULL,
	"window_to" date NOT NULL,
	"community" text NOT NULL,
	"building" text NOT NULL,
	"inspector_id" uuid,
	"state" text DEFAULT 'planned' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_outcome" text,
	"last_attempt_at" timestamp with time zone,
	"inspected_at" timestamp with time zone,
	"follow_up" jsonb
);
--> statement-breakpoint
CREATE UNIQUE INDEX "inspection_visits_uq" ON "inspection_visits" ("plan_id", "customer_id", "seq");
--> statement-breakpoint
CREATE INDEX "inspection_visits_inspector_idx" ON "inspection_visits" ("inspector_id", "window_from");
--> statement-breakpoint
CREATE INDEX "inspection_visits_customer_idx" ON "inspection_visits" ("customer_id");
--> statement-breakpoint
CREATE TABLE "inspection_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"visit_id" uuid REFERENCES "inspection_visits"("id"),
	"customer_id" uuid NOT NULL REFERENCES "customers"("id"),
	"inspector_id" uuid NOT NULL REFERENCES "users"("id"),
	"purpose" text NOT NULL,
	"outcome" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"place" jsonb,
	"checklist" jsonb NOT NULL,
	"signature" text,
	"note" text DEFAULT '' NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "inspection_records_customer_idx" ON "inspection_records" ("customer_id", "at");
--> statement-breakpoint
CREATE TABLE "hazards" (
	"id" uuid PRIMARY KEY DEFAULT ranre_uuid_v7() NOT NULL,
	"enterprise_id" uuid NOT NULL REFERENCES "enterprises"("id"),
	"customer_id" uuid NOT NULL REFERENCES "customers"("id"),
	"record_id" uuid REFERENCES "inspection_records"("id"),
	"item" text NOT NULL,
	"grade" text NOT NULL,
	"responsible" text NOT NULL,
	"description" text NOT NULL,
	"found_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"notice" text DEFAULT 'pending' NOT NULL,
	"reported_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"extensions" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "hazards_ledger_idx" ON "hazards" ("enterprise_id", "status", "due_at");
--> statement-breakpoint
CREATE INDEX "hazards_customer_idx" ON "hazards" ("customer_id", "status");
--> statement-breakpoint
CREATE TABLE "hazard_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"hazard_id" uuid NOT NULL REFERENCES "hazards"("id"),
	"enterprise_id" uuid NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "hazard_events_hazard_idx" ON "hazard_events" ("hazard_id", "id");
--> statement-breakpoint
-- The visit records and each hazard's file are never changed (G-5.11.4, 一患一档): a correction is a new record.
CREATE TRIGGER inspection_records_no_update_delete BEFORE UPDATE OR DELETE ON inspection_records
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER inspection_records_no_truncate BEFORE TRUNCATE ON inspection_records
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER hazard_events_no_update_delete BEFORE UPDATE OR DELETE ON hazard_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER hazard_events_no_truncate BEFORE TRUNCATE ON hazard_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
