DROP INDEX "customers_search_trgm";--> statement-breakpoint
CREATE INDEX "customers_phone2_idx" ON "customers" USING btree ("enterprise_id","phone2");--> statement-breakpoint
CREATE INDEX "customers_search_key_trgm" ON "customers" USING gin (ranre_search_key("search_text") gin_trgm_ops);