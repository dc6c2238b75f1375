-- Accounts, premises, contracts, meters and readings get time-ordered ids (UUID v7, the function of migration 0016):
-- rows made together sit together, so a billing run walking accounts in id order reads pages in order.
ALTER TABLE "contracts" ALTER COLUMN "id" SET DEFAULT ranre_uuid_v7();--> statement-breakpoint
ALTER TABLE "customers" ALTER COLUMN "id" SET DEFAULT ranre_uuid_v7();--> statement-breakpoint
ALTER TABLE "premises" ALTER COLUMN "id" SET DEFAULT ranre_uuid_v7();--> statement-breakpoint
ALTER TABLE "meter_readings" ALTER COLUMN "id" SET DEFAULT ranre_uuid_v7();--> statement-breakpoint
ALTER TABLE "meters" ALTER COLUMN "id" SET DEFAULT ranre_uuid_v7();