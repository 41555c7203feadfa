DROP INDEX "complaints_market_received_idx";--> statement-breakpoint
DROP INDEX "complaints_updated_at_idx";--> statement-breakpoint
CREATE INDEX "complaints_market_received_idx" ON "complaints" USING btree ("market","received_on" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "complaints_updated_at_idx" ON "complaints" USING btree ("updated_at" DESC NULLS LAST,"id");