-- Scalar columns in a GIN index (complaints_filters_idx) need btree_gin's operator classes.
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
DROP INDEX "complaints_market_received_idx";--> statement-breakpoint
DROP INDEX "complaints_channel_idx";--> statement-breakpoint
DROP INDEX "complaints_product_idx";--> statement-breakpoint
DROP INDEX "complaints_category_idx";--> statement-breakpoint
DROP INDEX "complaints_customer_ref_idx";--> statement-breakpoint
DROP INDEX "complaints_severity_idx";--> statement-breakpoint
CREATE INDEX "complaints_authority_channel_idx" ON "complaints" USING btree ("channel","received_on" DESC NULLS LAST) WHERE "complaints"."channel" <> 'customer_service';--> statement-breakpoint
CREATE INDEX "complaints_filters_idx" ON "complaints" USING gin ("status","market","channel","severity","product_id","category_id","journey_stage","app_user","customer_ref");