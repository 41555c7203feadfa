-- Trigram similarity finds near-identical complaints from the same customer.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
-- The audit log is append-only: history can be added to, never rewritten.
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$ LANGUAGE plpgsql;--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();--> statement-breakpoint
-- Human references (C-2018-000154) take their number from one sequence.
CREATE SEQUENCE IF NOT EXISTS complaint_reference_seq START 1;
