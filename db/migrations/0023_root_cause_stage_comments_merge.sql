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
CREATE TABLE "remediation_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "root_cause_month_counts" DROP CONSTRAINT "root_cause_month_counts_key";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_check";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_subject_check";--> statement-breakpoint
ALTER TABLE "root_cause_month_counts" ADD COLUMN "journey_stage" "journey_stage";--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "remediation_comment_id" uuid;--> statement-breakpoint
ALTER TABLE "root_causes" ADD COLUMN "merged_into_id" uuid;--> statement-breakpoint
ALTER TABLE "category_aliases" ADD CONSTRAINT "category_aliases_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "root_cause_aliases" ADD CONSTRAINT "root_cause_aliases_root_cause_id_root_causes_id_fk" FOREIGN KEY ("root_cause_id") REFERENCES "public"."root_causes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remediation_comments" ADD CONSTRAINT "remediation_comments_action_id_remediation_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."remediation_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remediation_comments" ADD CONSTRAINT "remediation_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "category_aliases_category_alias_lower_idx" ON "category_aliases" USING btree ("category_id",lower("alias"));--> statement-breakpoint
CREATE UNIQUE INDEX "root_cause_aliases_alias_lower_idx" ON "root_cause_aliases" USING btree (lower("alias"));--> statement-breakpoint
CREATE INDEX "remediation_comments_action_idx" ON "remediation_comments" USING btree ("action_id","created_at");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_remediation_comment_id_remediation_comments_id_fk" FOREIGN KEY ("remediation_comment_id") REFERENCES "public"."remediation_comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "root_causes" ADD CONSTRAINT "root_causes_merged_into_id_root_causes_id_fk" FOREIGN KEY ("merged_into_id") REFERENCES "public"."root_causes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "root_cause_month_counts" ADD CONSTRAINT "root_cause_month_counts_key" UNIQUE NULLS NOT DISTINCT("market","month","root_cause_id","channel","product_id","journey_stage","is_primary","excluded");--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_check" CHECK ("notifications"."kind" in ('assigned', 'action_status', 'action_mention'));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_subject_check" CHECK (("notifications"."kind" = 'assigned' and "notifications"."complaint_id" is not null) or ("notifications"."kind" = 'action_status' and "notifications"."action_id" is not null) or ("notifications"."kind" = 'action_mention' and "notifications"."action_id" is not null and "notifications"."remediation_comment_id" is not null));