-- A login account names the staff record it belongs to (G-5.6.1, G-9.2.2: whose certificates qualify a dispatch;
-- G-5.11.2: whose badge an announcement shows; G-5.12.3, H-6.4.3: who is on duty). Before, the link was the same
-- name in the same enterprise, which two people of one name broke. Residents and managers without a staff record keep
-- it null; one staff record has at most one login.
ALTER TABLE "users" ADD COLUMN IF NOT EXISTS "staff_id" uuid REFERENCES "staff"("id");
--> statement-breakpoint
CREATE UNIQUE INDEX IF NOT EXISTS "users_staff_uq" ON "users" ("staff_id") WHERE "staff_id" IS NOT NULL;
--> statement-breakpoint
-- Existing accounts: linked where the old rule found exactly one active record of the same name, and that record has
-- no login yet.
UPDATE "users" u SET "staff_id" = m."staff_id"
FROM (
	SELECT u2."id" AS "user_id", min(s."id"::text)::uuid AS "staff_id"
	FROM "users" u2
	JOIN "staff" s ON s."enterprise_id" = u2."enterprise_id" AND s."name" = u2."display_name" AND s."active"
	WHERE u2."staff_id" IS NULL
	GROUP BY u2."id"
	HAVING count(*) = 1
) m
WHERE u."id" = m."user_id"
	AND NOT EXISTS (SELECT 1 FROM "users" o WHERE o."staff_id" = m."staff_id")
	AND (SELECT count(*) FROM "users" d WHERE d."enterprise_id" = u."enterprise_id" AND d."display_name" = u."display_name") = 1;
