ALTER TABLE "markets" ADD COLUMN "search_language" "regconfig" DEFAULT 'simple'::regconfig NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "search_language" "regconfig" DEFAULT 'simple'::regconfig NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" drop column "search";--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector(search_language, coalesce(summary, '')), 'A') || setweight(to_tsvector(search_language, coalesce(narrative, '')), 'B')) STORED;--> statement-breakpoint
CREATE INDEX "complaints_search_idx" ON "complaints" USING gin ("search");
