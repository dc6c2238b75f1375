DROP INDEX "customers_search_key_trgm";--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "search_key" text GENERATED ALWAYS AS (ranre_search_key(search_text)) STORED;--> statement-breakpoint
CREATE INDEX "customers_search_key_trgm" ON "customers" USING gin ("search_key" gin_trgm_ops);