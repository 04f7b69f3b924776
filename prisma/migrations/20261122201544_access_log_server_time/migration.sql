-- Hand-written: the access log's time is the database's, not the writer's.
-- The app role may INSERT, so without this it could back-date a row.
CREATE FUNCTION access_log_server_time() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW.at := now();
  RETURN NEW;
END;
$$;

CREATE TRIGGER access_log_set_time
  BEFORE INSERT ON "access_log"
  FOR EACH ROW EXECUTE FUNCTION access_log_server_time();

ALTER TABLE "login_throttle"
  ADD CONSTRAINT login_throttle_failed_count_nonnegative CHECK (failed_login_count >= 0);
