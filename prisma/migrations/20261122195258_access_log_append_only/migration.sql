-- Hand-written: what Prisma's schema cannot express.
--
-- Patientdatalagen: the access log is append-only. The app's database role
-- gets only INSERT and SELECT on it (src/lib/db/migrate.ts grants after every
-- deploy); these triggers are the second wall, which also stops the owning
-- role. A superuser can still disable triggers: keep superuser credentials
-- out of the app and out of day-to-day operations.

CREATE FUNCTION access_log_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'access_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER access_log_no_update_delete
  BEFORE UPDATE OR DELETE ON "access_log"
  FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change();

CREATE TRIGGER access_log_no_truncate
  BEFORE TRUNCATE ON "access_log"
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change();

-- Counters and names the app relies on.
ALTER TABLE "app_user"
  ADD CONSTRAINT app_user_failed_login_count_nonnegative CHECK (failed_login_count >= 0),
  ADD CONSTRAINT app_user_username_format CHECK (username ~ '^[a-z0-9._-]{3,50}$');
