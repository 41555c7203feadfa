CREATE TYPE "public"."channel" AS ENUM('customer_service', 'consumer_agency', 'data_protection_authority', 'financial_supervisor', 'disputes_board', 'other_authority');--> statement-breakpoint
CREATE TYPE "public"."complaint_status" AS ENUM('new', 'triaged', 'in_analysis', 'analysed', 'closed');--> statement-breakpoint
CREATE TYPE "public"."excluded_reason" AS ENUM('duplicate', 'not_a_complaint', 'test', 'other');--> statement-breakpoint
CREATE TYPE "public"."import_kind" AS ENUM('complaints', 'purchases');--> statement-breakpoint
CREATE TYPE "public"."import_status" AS ENUM('queued', 'running', 'completed', 'failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."journey_stage" AS ENUM('before_purchase', 'during_purchase', 'after_purchase');--> statement-breakpoint
CREATE TYPE "public"."outcome" AS ENUM('upheld', 'partly_upheld', 'not_upheld', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."remediation_status" AS ENUM('proposed', 'approved', 'in_progress', 'shipped', 'verified', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('admin', 'reviewer', 'product_manager', 'leadership');--> statement-breakpoint
CREATE TYPE "public"."severity" AS ENUM('low', 'medium', 'high', 'critical');--> statement-breakpoint
CREATE TYPE "public"."target_kind" AS ENUM('absolute', 'reduction');--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "auth_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "saved_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"query" text NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "role" NOT NULL,
	"password_hash" text,
	"active" boolean DEFAULT true NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "authorities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market" text NOT NULL,
	"channel" "channel" NOT NULL,
	"name" text NOT NULL,
	"short_name" text,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "authorities_market_name" UNIQUE("market","name"),
	CONSTRAINT "authorities_not_customer_service" CHECK ("authorities"."channel" <> 'customer_service')
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "categories_parent_name" UNIQUE NULLS NOT DISTINCT("parent_id","name")
);
--> statement-breakpoint
CREATE TABLE "deadline_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market" text NOT NULL,
	"channel" "channel" NOT NULL,
	"acknowledge_days" integer NOT NULL,
	"acknowledge_business_days" boolean DEFAULT true NOT NULL,
	"final_response_days" integer NOT NULL,
	"final_response_business_days" boolean DEFAULT false NOT NULL,
	CONSTRAINT "deadline_rules_market_channel" UNIQUE("market","channel"),
	CONSTRAINT "deadline_rules_positive" CHECK ("deadline_rules"."acknowledge_days" > 0 and "deadline_rules"."final_response_days" > 0)
);
--> statement-breakpoint
CREATE TABLE "markets" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "markets_code_iso" CHECK ("markets"."code" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "product_aliases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"product_id" uuid NOT NULL,
	"alias" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "products" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"payment_service" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "root_causes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_codings" (
	"sample_id" uuid NOT NULL,
	"complaint_id" uuid NOT NULL,
	"coder_id" uuid NOT NULL,
	"root_cause_id" uuid,
	"coded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_codings_unique" UNIQUE NULLS NOT DISTINCT("sample_id","complaint_id","coder_id","root_cause_id")
);
--> statement-breakpoint
CREATE TABLE "agreement_samples" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"coder_a" uuid NOT NULL,
	"coder_b" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analysis_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"author_id" uuid,
	"findings" text NOT NULL,
	"whys" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "comment_mentions" (
	"comment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "comment_mentions_comment_id_user_id_pk" PRIMARY KEY("comment_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaint_families" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaint_root_causes" (
	"complaint_id" uuid NOT NULL,
	"root_cause_id" uuid NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"note" text,
	"tagged_by" uuid,
	"tagged_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaint_root_causes_complaint_id_root_cause_id_pk" PRIMARY KEY("complaint_id","root_cause_id")
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"source" text DEFAULT 'default' NOT NULL,
	"external_id" text NOT NULL,
	"received_on" date NOT NULL,
	"market" text NOT NULL,
	"channel" "channel" NOT NULL,
	"authority_id" uuid,
	"product_id" uuid,
	"journey_stage" "journey_stage",
	"category_id" uuid,
	"summary" varchar(200) NOT NULL,
	"narrative" text,
	"customer_ref" text,
	"app_user" boolean,
	"severity" "severity",
	"status" "complaint_status" DEFAULT 'new' NOT NULL,
	"assignee_id" uuid,
	"outcome" "outcome",
	"recommendation_followed" boolean,
	"excluded_reason" "excluded_reason",
	"duplicate_of_id" uuid,
	"family_id" uuid,
	"acknowledged_at" timestamp with time zone,
	"responded_at" timestamp with time zone,
	"anonymised_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english'::regconfig, coalesce(summary, '')), 'A') || setweight(to_tsvector('swedish'::regconfig, coalesce(summary, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(narrative, '')), 'B') || setweight(to_tsvector('swedish'::regconfig, coalesce(narrative, '')), 'B')) STORED,
	CONSTRAINT "complaints_reference_unique" UNIQUE("reference"),
	CONSTRAINT "complaints_source_external_id" UNIQUE("source","external_id"),
	CONSTRAINT "complaints_authority_only_for_authority_channels" CHECK ("complaints"."authority_id" is null or "complaints"."channel" <> 'customer_service'),
	CONSTRAINT "complaints_duplicate_has_reason" CHECK ("complaints"."duplicate_of_id" is null or "complaints"."excluded_reason" = 'duplicate'),
	CONSTRAINT "complaints_not_own_duplicate" CHECK ("complaints"."duplicate_of_id" is null or "complaints"."duplicate_of_id" <> "complaints"."id"),
	CONSTRAINT "complaints_version_positive" CHECK ("complaints"."version" > 0)
);
--> statement-breakpoint
CREATE TABLE "status_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"from_status" "complaint_status",
	"to_status" "complaint_status" NOT NULL,
	"actor_id" uuid,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "effectiveness_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"before_from" text NOT NULL,
	"before_to" text NOT NULL,
	"after_from" text NOT NULL,
	"after_to" text NOT NULL,
	"before_complaints" integer NOT NULL,
	"before_purchases" double precision NOT NULL,
	"after_complaints" integer NOT NULL,
	"after_purchases" double precision NOT NULL,
	"rate_before" double precision,
	"rate_after" double precision,
	"rate_ratio" double precision,
	"ci_low" double precision,
	"ci_high" double precision,
	"verdict" text NOT NULL,
	"computed_by" uuid,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "remediation_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"notes" text,
	"owner_id" uuid,
	"status" "remediation_status" DEFAULT 'proposed' NOT NULL,
	"market" text,
	"product_id" uuid,
	"due_on" date,
	"shipped_on" date,
	"verified_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "remediation_shipped_has_date" CHECK ("remediation_actions"."status" not in ('shipped', 'verified') or "remediation_actions"."shipped_on" is not null)
);
--> statement-breakpoint
CREATE TABLE "remediation_evidence" (
	"action_id" uuid NOT NULL,
	"complaint_id" uuid NOT NULL,
	CONSTRAINT "remediation_evidence_action_id_complaint_id_pk" PRIMARY KEY("action_id","complaint_id")
);
--> statement-breakpoint
CREATE TABLE "remediation_root_causes" (
	"action_id" uuid NOT NULL,
	"root_cause_id" uuid NOT NULL,
	CONSTRAINT "remediation_root_causes_action_id_root_cause_id_pk" PRIMARY KEY("action_id","root_cause_id")
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market" text NOT NULL,
	"month" text NOT NULL,
	"complaints" integer NOT NULL,
	"purchases" bigint,
	"per_million" double precision,
	"published_by" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publications_market_month" UNIQUE("market","month"),
	CONSTRAINT "publications_month_format" CHECK ("publications"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')
);
--> statement-breakpoint
CREATE TABLE "purchase_volumes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"market" text NOT NULL,
	"month" text NOT NULL,
	"product_id" uuid,
	"purchases" bigint NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "purchase_volumes_market_month_product" UNIQUE NULLS NOT DISTINCT("market","month","product_id"),
	CONSTRAINT "purchase_volumes_month_format" CHECK ("purchase_volumes"."month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
	CONSTRAINT "purchase_volumes_positive" CHECK ("purchase_volumes"."purchases" >= 0)
);
--> statement-breakpoint
CREATE TABLE "restatements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"publication_id" uuid NOT NULL,
	"previous_complaints" integer NOT NULL,
	"previous_purchases" bigint,
	"previous_per_million" double precision,
	"complaints" integer NOT NULL,
	"purchases" bigint,
	"per_million" double precision,
	"reason" text NOT NULL,
	"restated_by" uuid,
	"restated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"market" text NOT NULL,
	"year" integer NOT NULL,
	"kind" "target_kind" NOT NULL,
	"value" double precision NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "targets_market_year_pk" PRIMARY KEY("market","year"),
	CONSTRAINT "targets_value_positive" CHECK ("targets"."value" >= 0)
);
--> statement-breakpoint
CREATE TABLE "import_errors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"column" text,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "import_kind" NOT NULL,
	"status" "import_status" DEFAULT 'queued' NOT NULL,
	"file_name" text NOT NULL,
	"file" "bytea",
	"mapping_id" uuid,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dry_run" boolean DEFAULT false NOT NULL,
	"skip_invalid" boolean DEFAULT false NOT NULL,
	"total_rows" integer,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"rows_written" integer DEFAULT 0 NOT NULL,
	"rows_rejected" integer DEFAULT 0 NOT NULL,
	"cancel_requested" boolean DEFAULT false NOT NULL,
	"message" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"heartbeat_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "import_mappings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "import_kind" DEFAULT 'complaints' NOT NULL,
	"config" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "import_mappings_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_label" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"meta" jsonb
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "authorities" ADD CONSTRAINT "authorities_market_markets_code_fk" FOREIGN KEY ("market") REFERENCES "public"."markets"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "categories" ADD CONSTRAINT "categories_parent_id_categories_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deadline_rules" ADD CONSTRAINT "deadline_rules_market_markets_code_fk" FOREIGN KEY ("market") REFERENCES "public"."markets"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_aliases" ADD CONSTRAINT "product_aliases_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_codings" ADD CONSTRAINT "agreement_codings_sample_id_agreement_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."agreement_samples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_codings" ADD CONSTRAINT "agreement_codings_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_codings" ADD CONSTRAINT "agreement_codings_coder_id_users_id_fk" FOREIGN KEY ("coder_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_codings" ADD CONSTRAINT "agreement_codings_root_cause_id_root_causes_id_fk" FOREIGN KEY ("root_cause_id") REFERENCES "public"."root_causes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_samples" ADD CONSTRAINT "agreement_samples_coder_a_users_id_fk" FOREIGN KEY ("coder_a") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_samples" ADD CONSTRAINT "agreement_samples_coder_b_users_id_fk" FOREIGN KEY ("coder_b") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_samples" ADD CONSTRAINT "agreement_samples_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_notes" ADD CONSTRAINT "analysis_notes_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_notes" ADD CONSTRAINT "analysis_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_mentions" ADD CONSTRAINT "comment_mentions_comment_id_comments_id_fk" FOREIGN KEY ("comment_id") REFERENCES "public"."comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comment_mentions" ADD CONSTRAINT "comment_mentions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_families" ADD CONSTRAINT "complaint_families_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_root_causes" ADD CONSTRAINT "complaint_root_causes_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_root_causes" ADD CONSTRAINT "complaint_root_causes_root_cause_id_root_causes_id_fk" FOREIGN KEY ("root_cause_id") REFERENCES "public"."root_causes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_root_causes" ADD CONSTRAINT "complaint_root_causes_tagged_by_users_id_fk" FOREIGN KEY ("tagged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_market_markets_code_fk" FOREIGN KEY ("market") REFERENCES "public"."markets"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_authority_id_authorities_id_fk" FOREIGN KEY ("authority_id") REFERENCES "public"."authorities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_duplicate_of_id_complaints_id_fk" FOREIGN KEY ("duplicate_of_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_family_id_complaint_families_id_fk" FOREIGN KEY ("family_id") REFERENCES "public"."complaint_families"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_transitions" ADD CONSTRAINT "status_transitions_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_transitions" ADD CONSTRAINT "status_transitions_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effectiveness_checks" ADD CONSTRAINT "effectiveness_checks_action_id_remediation_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."remediation_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effectiveness_checks" ADD CONSTRAINT "effectiveness_checks_computed_by_users_id_fk" FOREIGN KEY ("computed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remediation_actions" ADD CONSTRAINT "remediation_actions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remediation_actions" ADD CONSTRAINT "remediation_actions_market_markets_code_fk" FOREIGN KEY ("market") REFERENCES "public"."markets"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remediation_actions" ADD CONSTRAINT "remediation_actions_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remediation_actions" ADD CONSTRAINT "remediation_actions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remediation_evidence" ADD CONSTRAINT "remediation_evidence_action_id_remediation_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."remediation_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remediation_evidence" ADD CONSTRAINT "remediation_evidence_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remediation_root_causes" ADD CONSTRAINT "remediation_root_causes_action_id_remediation_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."remediation_actions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "remediation_root_causes" ADD CONSTRAINT "remediation_root_causes_root_cause_id_root_causes_id_fk" FOREIGN KEY ("root_cause_id") REFERENCES "public"."root_causes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_market_markets_code_fk" FOREIGN KEY ("market") REFERENCES "public"."markets"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publications" ADD CONSTRAINT "publications_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_volumes" ADD CONSTRAINT "purchase_volumes_market_markets_code_fk" FOREIGN KEY ("market") REFERENCES "public"."markets"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_volumes" ADD CONSTRAINT "purchase_volumes_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "purchase_volumes" ADD CONSTRAINT "purchase_volumes_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restatements" ADD CONSTRAINT "restatements_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restatements" ADD CONSTRAINT "restatements_restated_by_users_id_fk" FOREIGN KEY ("restated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_market_markets_code_fk" FOREIGN KEY ("market") REFERENCES "public"."markets"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_errors" ADD CONSTRAINT "import_errors_job_id_import_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."import_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_mapping_id_import_mappings_id_fk" FOREIGN KEY ("mapping_id") REFERENCES "public"."import_mappings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_mappings" ADD CONSTRAINT "import_mappings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "saved_views_owner_name_idx" ON "saved_views" USING btree ("owner_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_idx" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "product_aliases_alias_lower_idx" ON "product_aliases" USING btree (lower("alias"));--> statement-breakpoint
CREATE UNIQUE INDEX "products_name_lower_idx" ON "products" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "root_causes_name_lower_idx" ON "root_causes" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "analysis_notes_complaint_idx" ON "analysis_notes" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "comment_mentions_user_idx" ON "comment_mentions" USING btree ("user_id","read_at");--> statement-breakpoint
CREATE INDEX "comments_complaint_idx" ON "comments" USING btree ("complaint_id","created_at");--> statement-breakpoint
CREATE INDEX "complaint_root_causes_root_cause_idx" ON "complaint_root_causes" USING btree ("root_cause_id","complaint_id");--> statement-breakpoint
CREATE INDEX "complaints_search_idx" ON "complaints" USING gin ("search");--> statement-breakpoint
CREATE INDEX "complaints_received_on_idx" ON "complaints" USING btree ("received_on" DESC NULLS LAST,"id");--> statement-breakpoint
CREATE INDEX "complaints_market_received_idx" ON "complaints" USING btree ("market","received_on");--> statement-breakpoint
CREATE INDEX "complaints_status_received_idx" ON "complaints" USING btree ("status","received_on" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "complaints_channel_idx" ON "complaints" USING btree ("channel","received_on" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "complaints_assignee_idx" ON "complaints" USING btree ("assignee_id","received_on" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "complaints_product_idx" ON "complaints" USING btree ("product_id","received_on" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "complaints_category_idx" ON "complaints" USING btree ("category_id","received_on" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "complaints_authority_idx" ON "complaints" USING btree ("authority_id");--> statement-breakpoint
CREATE INDEX "complaints_family_idx" ON "complaints" USING btree ("family_id");--> statement-breakpoint
CREATE INDEX "complaints_duplicate_of_idx" ON "complaints" USING btree ("duplicate_of_id");--> statement-breakpoint
CREATE INDEX "complaints_customer_ref_idx" ON "complaints" USING btree ("customer_ref","received_on");--> statement-breakpoint
CREATE INDEX "complaints_updated_at_idx" ON "complaints" USING btree ("updated_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "status_transitions_complaint_idx" ON "status_transitions" USING btree ("complaint_id","at");--> statement-breakpoint
CREATE INDEX "effectiveness_checks_action_idx" ON "effectiveness_checks" USING btree ("action_id","computed_at");--> statement-breakpoint
CREATE INDEX "remediation_actions_owner_idx" ON "remediation_actions" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "remediation_actions_status_idx" ON "remediation_actions" USING btree ("status");--> statement-breakpoint
CREATE INDEX "remediation_evidence_complaint_idx" ON "remediation_evidence" USING btree ("complaint_id");--> statement-breakpoint
CREATE INDEX "restatements_publication_idx" ON "restatements" USING btree ("publication_id","restated_at");--> statement-breakpoint
CREATE INDEX "import_errors_job_idx" ON "import_errors" USING btree ("job_id","line");--> statement-breakpoint
CREATE INDEX "import_jobs_created_idx" ON "import_jobs" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");