-- Hand-written: the access log partitioned by month (PostgreSQL declarative
-- partitioning). A region's log grows by about 100 million rows a year and is
-- kept at least five years; a month is the unit that is searched, reviewed
-- and, once the retention period has passed, detached and archived whole.
--
-- * The key becomes (id, at): a partitioned table's key must hold the
--   partition column. ids still come from the one sequence, so stay unique.
-- * The partitions live in their own schema, access_log_parts. The app's role
--   has no USAGE on it, so it reaches the rows only through access_log (where
--   it may INSERT and SELECT, nothing else); and no grant on the tables of
--   public can reach a partition. Prisma sees only public.
-- * access_log_parts.ensure_partitions(months_ahead) makes the months that do
--   not exist yet, each with its app-role grants revoked and its own TRUNCATE
--   trigger (a row trigger of the parent is cloned to every partition, a
--   statement trigger is not). Every migrate calls it (src/lib/db/migrate.ts):
--   the running app has no owner rights and cannot make a partition itself.

CREATE SCHEMA access_log_parts;
REVOKE ALL ON SCHEMA access_log_parts FROM PUBLIC;

-- The old table keeps its rows until they are copied.
ALTER TABLE "access_log" RENAME TO access_log_unpartitioned;
ALTER TABLE access_log_unpartitioned RENAME CONSTRAINT access_log_pkey TO access_log_unpartitioned_pkey;
ALTER TABLE access_log_unpartitioned RENAME CONSTRAINT access_log_one_credential TO access_log_unpartitioned_one_credential;
ALTER INDEX access_log_patient_id_at_idx RENAME TO access_log_unpartitioned_patient_idx;
ALTER INDEX access_log_user_id_at_idx RENAME TO access_log_unpartitioned_user_idx;
ALTER INDEX access_log_at_idx RENAME TO access_log_unpartitioned_at_idx;
ALTER INDEX access_log_unit_writes RENAME TO access_log_unpartitioned_unit_writes;

CREATE TABLE "access_log" (
    "id" BIGINT NOT NULL DEFAULT nextval('access_log_id_seq'::regclass),
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "user_id" UUID,
    "username" TEXT,
    "unit_id" UUID,
    "patient_id" UUID,
    "action" "AccessAction" NOT NULL,
    "target" TEXT,
    "request_id" TEXT,
    "client_request_id" TEXT,
    "session_id" UUID,
    "api_token_id" UUID,
    "refusal" "AccessRefusal",
    CONSTRAINT "access_log_pkey" PRIMARY KEY ("id", "at"),
    -- A row names the session or the API token behind it, never both.
    CONSTRAINT access_log_one_credential CHECK (session_id IS NULL OR api_token_id IS NULL)
) PARTITION BY RANGE ("at");
ALTER SEQUENCE access_log_id_seq OWNED BY "access_log"."id";

CREATE INDEX "access_log_patient_id_at_idx" ON "access_log"("patient_id", "at");
CREATE INDEX "access_log_user_id_at_idx" ON "access_log"("user_id", "at");
CREATE INDEX "access_log_unit_id_at_idx" ON "access_log"("unit_id", "at");
CREATE INDEX "access_log_at_idx" ON "access_log"("at");
-- The attention counts' change stamp (see 20261202180000_access_log_unit_writes).
CREATE INDEX access_log_unit_writes ON "access_log" (unit_id, at)
  WHERE action IN ('CREATE', 'UPDATE') AND refusal IS NULL;

-- The month's partition: access_log_parts.access_log_yYYYYmMM, [first day, next first day) in UTC.
CREATE FUNCTION access_log_parts.ensure_partition(month_start date) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  first date := date_trunc('month', month_start)::date;
  name text := format('access_log_y%sm%s', to_char(first, 'YYYY'), to_char(first, 'MM'));
  app text;
BEGIN
  IF to_regclass(format('access_log_parts.%I', name)) IS NOT NULL THEN
    RETURN false;
  END IF;
  EXECUTE format(
    'CREATE TABLE access_log_parts.%I PARTITION OF public.access_log FOR VALUES FROM (%L) TO (%L)',
    name, (first::timestamp AT TIME ZONE 'UTC'), ((first + interval '1 month')::timestamp AT TIME ZONE 'UTC'));
  EXECUTE format(
    'CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log_parts.%I '
    'FOR EACH STATEMENT EXECUTE FUNCTION public.access_log_refuse_change()', name);
  -- No role but the owner has any right on a partition itself.
  EXECUTE format('REVOKE ALL ON access_log_parts.%I FROM PUBLIC', name);
  FOR app IN
    SELECT DISTINCT grantee FROM information_schema.role_table_grants
    WHERE table_schema = 'public' AND table_name = 'access_log' AND grantee <> current_user
  LOOP
    EXECUTE format('REVOKE ALL ON access_log_parts.%I FROM %I', name, app);
  END LOOP;
  RETURN true;
END;
$$;

-- Every month from `from_month` to `months_ahead` months after now(); the number made.
-- Months are UTC months, like the partitions' bounds, whatever the session's time zone.
CREATE FUNCTION access_log_parts.ensure_partitions(months_ahead integer,
                                                   from_month date DEFAULT (now() AT TIME ZONE 'UTC')::date)
RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  m date := date_trunc('month', from_month)::date;
  last date := date_trunc('month', (now() AT TIME ZONE 'UTC') + make_interval(months => months_ahead))::date;
  made integer := 0;
BEGIN
  WHILE m <= last LOOP
    IF access_log_parts.ensure_partition(m) THEN made := made + 1; END IF;
    m := (m + interval '1 month')::date;
  END LOOP;
  RETURN made;
END;
$$;
REVOKE ALL ON FUNCTION access_log_parts.ensure_partition(date) FROM PUBLIC;
REVOKE ALL ON FUNCTION access_log_parts.ensure_partitions(integer, date) FROM PUBLIC;

-- Partitions for the rows there are, and two years ahead.
SELECT access_log_parts.ensure_partitions(
  24, (LEAST(now(), COALESCE((SELECT min(at) FROM access_log_unpartitioned), now())) AT TIME ZONE 'UTC')::date);

-- The rows as they were (the server-time trigger is made after the copy, so `at` is kept).
INSERT INTO "access_log" SELECT id, at, user_id, username, unit_id, patient_id, action, target,
  request_id, client_request_id, session_id, api_token_id, refusal FROM access_log_unpartitioned;
DROP TABLE access_log_unpartitioned;

-- The append-only walls of 20261122195258 and the server time of
-- 20261122201544, on the parent: the row triggers are cloned to each partition.
CREATE TRIGGER access_log_no_update_delete
  BEFORE UPDATE OR DELETE ON "access_log"
  FOR EACH ROW EXECUTE FUNCTION access_log_refuse_change();
CREATE TRIGGER access_log_no_truncate
  BEFORE TRUNCATE ON "access_log"
  FOR EACH STATEMENT EXECUTE FUNCTION access_log_refuse_change();
CREATE TRIGGER access_log_set_time
  BEFORE INSERT ON "access_log"
  FOR EACH ROW EXECUTE FUNCTION access_log_server_time();
