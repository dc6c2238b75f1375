-- A billing run writes its bills together: a block-range index on run_id finds a run's bills at almost no cost to
-- each insert (the B-tree it replaces was one more index entry for every bill).
DROP INDEX "bills_run_idx";--> statement-breakpoint
CREATE INDEX "bills_run_brin" ON "bills" USING brin ("run_id");