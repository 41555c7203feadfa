-- The search vector in the market's language only (see db/schema/complaints.ts). Dropping the column
-- drops its index, which is built again over the new vectors.
ALTER TABLE "complaints" drop column "search";--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector(case when market = 'SE' then 'swedish'::regconfig else 'english'::regconfig end, coalesce(summary, '')), 'A') || setweight(to_tsvector(case when market = 'SE' then 'swedish'::regconfig else 'english'::regconfig end, coalesce(narrative, '')), 'B')) STORED;--> statement-breakpoint
CREATE INDEX "complaints_search_idx" ON "complaints" USING gin ("search");
