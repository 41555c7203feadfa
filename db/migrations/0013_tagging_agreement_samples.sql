CREATE TABLE "agreement_sample_complaints" (
	"sample_id" uuid NOT NULL,
	"complaint_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "agreement_sample_complaints_sample_id_complaint_id_pk" PRIMARY KEY("sample_id","complaint_id"),
	CONSTRAINT "agreement_sample_complaints_position" UNIQUE("sample_id","position")
);
--> statement-breakpoint
ALTER TABLE "agreement_codings" DROP CONSTRAINT "agreement_codings_unique";--> statement-breakpoint
ALTER TABLE "agreement_sample_complaints" ADD CONSTRAINT "agreement_sample_complaints_sample_id_agreement_samples_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."agreement_samples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_sample_complaints" ADD CONSTRAINT "agreement_sample_complaints_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_codings" ADD CONSTRAINT "agreement_codings_one_per_coder" UNIQUE("sample_id","complaint_id","coder_id");