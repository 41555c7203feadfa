-- Every road that changes who a user is (web, API, command line, a later script) ends their sessions:
-- a new password, a new role or deactivation bumps session_version, which each request compares with
-- the version in the session cookie.
CREATE OR REPLACE FUNCTION users_bump_session_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.password_hash IS DISTINCT FROM OLD.password_hash
     OR NEW.role IS DISTINCT FROM OLD.role
     OR (OLD.active AND NOT NEW.active) THEN
    NEW.session_version := OLD.session_version + 1;
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER users_bump_session_version BEFORE UPDATE ON users
  FOR EACH ROW EXECUTE FUNCTION users_bump_session_version();
