-- Time-ordered complaint ids: the first 48 bits are the Unix time in milliseconds, the rest random,
-- laid out as a version 7 UUID. Written in SQL because PostgreSQL gains uuidv7() only in version 18.
CREATE OR REPLACE FUNCTION uuid_time_ordered() RETURNS uuid LANGUAGE sql VOLATILE PARALLEL SAFE AS $$
  SELECT encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid())
        PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
        FROM 1 FOR 6),
      52, 1), 53, 1),
    'hex')::uuid
$$;--> statement-breakpoint
DROP INDEX "complaints_journey_stage_idx";--> statement-breakpoint
DROP INDEX "complaints_app_user_idx";--> statement-breakpoint
DROP INDEX "complaints_assignee_idx";--> statement-breakpoint
DROP INDEX "complaints_authority_idx";--> statement-breakpoint
DROP INDEX "complaints_family_idx";--> statement-breakpoint
DROP INDEX "complaints_duplicate_of_idx";--> statement-breakpoint
ALTER TABLE "complaints" ALTER COLUMN "id" SET DEFAULT uuid_time_ordered();--> statement-breakpoint
CREATE INDEX "complaints_assignee_idx" ON "complaints" USING btree ("assignee_id","received_on" DESC NULLS LAST) WHERE "complaints"."assignee_id" is not null;--> statement-breakpoint
CREATE INDEX "complaints_authority_idx" ON "complaints" USING btree ("authority_id") WHERE "complaints"."authority_id" is not null;--> statement-breakpoint
CREATE INDEX "complaints_family_idx" ON "complaints" USING btree ("family_id") WHERE "complaints"."family_id" is not null;--> statement-breakpoint
CREATE INDEX "complaints_duplicate_of_idx" ON "complaints" USING btree ("duplicate_of_id") WHERE "complaints"."duplicate_of_id" is not null;