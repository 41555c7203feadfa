CREATE TABLE "category_aliases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category_id" uuid NOT NULL,
	"alias" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "root_cause_aliases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"root_cause_id" uuid NOT NULL,
	"alias" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "root_causes" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "category_aliases" ADD CONSTRAINT "category_aliases_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "root_cause_aliases" ADD CONSTRAINT "root_cause_aliases_root_cause_id_root_causes_id_fk" FOREIGN KEY ("root_cause_id") REFERENCES "public"."root_causes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "category_aliases_category_alias_lower_idx" ON "category_aliases" USING btree ("category_id",lower("alias"));--> statement-breakpoint
CREATE UNIQUE INDEX "root_cause_aliases_alias_lower_idx" ON "root_cause_aliases" USING btree (lower("alias"));--> statement-breakpoint
ALTER TABLE "root_causes" ADD CONSTRAINT "root_causes_merged_into_id_root_causes_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."root_causes"("id") ON DELETE no action ON UPDATE no action;