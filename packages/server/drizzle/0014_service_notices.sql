CREATE TABLE "service_notice_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"notice_id" uuid NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"revision" integer NOT NULL,
	"content" jsonb NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "service_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enterprise_id" uuid NOT NULL,
	"notice_no" text NOT NULL,
	"sector" text NOT NULL,
	"kind" text NOT NULL,
	"clause" text NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"title" text NOT NULL,
	"cause" text DEFAULT '' NOT NULL,
	"communities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"repair_section" text DEFAULT '' NOT NULL,
	"manager_name" text DEFAULT '' NOT NULL,
	"manager_phone" text DEFAULT '' NOT NULL,
	"safety_advice" text DEFAULT '' NOT NULL,
	"duration_reason" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"expected_restore_at" timestamp with time zone,
	"actual_restore_at" timestamp with time zone,
	"notify_households" boolean DEFAULT true NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"overrun_notified_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "service_notice_revisions" ADD CONSTRAINT "service_notice_revisions_notice_id_service_notices_id_fk" FOREIGN KEY ("notice_id") REFERENCES "public"."service_notices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_notice_revisions" ADD CONSTRAINT "service_notice_revisions_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_notice_revisions" ADD CONSTRAINT "service_notice_revisions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_notices" ADD CONSTRAINT "service_notices_enterprise_id_enterprises_id_fk" FOREIGN KEY ("enterprise_id") REFERENCES "public"."enterprises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_notices" ADD CONSTRAINT "service_notices_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "service_notice_revisions_uq" ON "service_notice_revisions" USING btree ("notice_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "service_notices_no_uq" ON "service_notices" USING btree ("enterprise_id","notice_no");--> statement-breakpoint
CREATE INDEX "service_notices_list_idx" ON "service_notices" USING btree ("enterprise_id","published_at");--> statement-breakpoint
CREATE INDEX "service_notices_overrun_idx" ON "service_notices" USING btree ("expected_restore_at") WHERE status = 'published' and overrun_notified_at is null;