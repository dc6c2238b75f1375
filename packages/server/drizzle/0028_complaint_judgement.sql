-- H-10.4.1, H-10.4.2, H-10.4.4: a heating complaint judged reasonable or not (projected from its complaint_judged
-- event); null until judged, and an unjudged complaint counts as reasonable in H-10.5.4 and H-10.5.5.
ALTER TABLE "complaints" ADD COLUMN IF NOT EXISTS "reasonable" boolean;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN IF NOT EXISTS "judgement_basis" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN IF NOT EXISTS "unreasonable_reason" text;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "complaints_unreasonable_idx" ON "complaints" ("order_id") WHERE "reasonable" = false;
