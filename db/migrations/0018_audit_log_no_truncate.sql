-- TRUNCATE skips row triggers: a statement trigger refuses it, so the audit log cannot be emptied
-- either (the function raises for anything but the erasure path's UPDATE).
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
