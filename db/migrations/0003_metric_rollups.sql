CREATE TABLE "complaint_month_counts" (
	"market" text NOT NULL,
	"month" text NOT NULL,
	"channel" "channel" NOT NULL,
	"authority_id" uuid,
	"product_id" uuid,
	"journey_stage" "journey_stage",
	"app_user" boolean,
	"excluded" boolean NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "complaint_month_counts_key" UNIQUE NULLS NOT DISTINCT("market","month","channel","authority_id","product_id","journey_stage","app_user","excluded")
);
--> statement-breakpoint
CREATE TABLE "root_cause_month_counts" (
	"market" text NOT NULL,
	"month" text NOT NULL,
	"root_cause_id" uuid NOT NULL,
	"excluded" boolean NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "root_cause_month_counts_key" UNIQUE("market","month","root_cause_id","excluded")
);
--> statement-breakpoint
CREATE INDEX "complaint_month_counts_month_idx" ON "complaint_month_counts" USING btree ("month","market");--> statement-breakpoint
CREATE INDEX "root_cause_month_counts_month_idx" ON "root_cause_month_counts" USING btree ("month","market");