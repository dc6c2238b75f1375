-- Sign-in attempts per normalised user name, known or not (issue 12): the lockout counter is taken by one atomic
-- upsert before the password is checked, so parallel wrong passwords cannot bypass it.
CREATE TABLE "login_attempts" (
	"username_key" text PRIMARY KEY NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
