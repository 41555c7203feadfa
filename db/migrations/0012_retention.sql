CREATE TABLE "retention_rules" (
	"market" text PRIMARY KEY NOT NULL,
	"anonymise_after_months" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retention_rules_months" CHECK ("retention_rules"."anonymise_after_months" between 1 and 600)
);
--> statement-breakpoint
ALTER TABLE "retention_rules" ADD CONSTRAINT "retention_rules_market_markets_code_fk" FOREIGN KEY ("market") REFERENCES "public"."markets"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retention_rules" ADD CONSTRAINT "retention_rules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The audit log stays append-only, with one exception: erasing a customer's personal data (the
-- retention rules, or an admin acting on the customer's request) must reach the copies of it in the
-- entries' before/after snapshots. Only a session that declares it is erasing may do that, and only
-- those two columns may change; an entry is never deleted.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND current_setting('app.erasing_personal_data', true) = 'on'
     AND (NEW.id, NEW.at, NEW.actor_id, NEW.actor_label, NEW.action, NEW.entity_type, NEW.entity_id, NEW.meta)
         IS NOT DISTINCT FROM (OLD.id, OLD.at, OLD.actor_id, OLD.actor_label, OLD.action, OLD.entity_type, OLD.entity_id, OLD.meta) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;
