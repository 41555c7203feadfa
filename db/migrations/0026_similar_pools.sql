CREATE TABLE "complaint_similar_pools" (
	"complaint_id" uuid PRIMARY KEY NOT NULL,
	"text_hash" text NOT NULL,
	"candidate_ids" uuid[] NOT NULL,
	"ranks" real[] NOT NULL,
	"trigrams" real[] NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "complaint_similar_pools" ADD CONSTRAINT "complaint_similar_pools_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_similar_pools_computed_idx" ON "complaint_similar_pools" USING btree ("computed_at");