-- CreateTable
CREATE TABLE "episode_evaluation" (
    "episode_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "as_of" DATE,
    "flag_codes" "FlagCode"[] DEFAULT ARRAY[]::"FlagCode"[],
    "view" JSONB,
    "evaluated_at" TIMESTAMPTZ(3),

    CONSTRAINT "episode_evaluation_pkey" PRIMARY KEY ("episode_id")
);

-- CreateIndex
CREATE INDEX "episode_evaluation_unit_id_idx" ON "episode_evaluation"("unit_id");

-- AddForeignKey
ALTER TABLE "episode_evaluation" ADD CONSTRAINT "episode_evaluation_episode_id_fkey" FOREIGN KEY ("episode_id") REFERENCES "episode"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- Hand-written: every episode has its row, and any change to what its
-- evaluation is made from marks the row stale in the same transaction, so a
-- reader never takes a stale row for today's. Statement triggers with
-- transition tables: one UPDATE per statement, however many rows it wrote (a
-- bulk load of a million contacts marks each episode once).
CREATE FUNCTION episode_evaluation_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO episode_evaluation (episode_id, unit_id)
  SELECT n.id, p.unit_id FROM added n JOIN patient p ON p.id = n.patient_id;
  RETURN NULL;
END;
$$;
CREATE TRIGGER episode_evaluation_add AFTER INSERT ON episode
  REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION episode_evaluation_add();

-- Rows of contact, episode_status_change, flag_handling and review_request:
-- their episode_id. Rows of episode: their id.
CREATE FUNCTION episode_evaluation_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE episode_evaluation SET version = version + 1, as_of = NULL
  WHERE episode_id IN (SELECT episode_id FROM changed);
  RETURN NULL;
END;
$$;
CREATE FUNCTION episode_evaluation_stale_both() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE episode_evaluation SET version = version + 1, as_of = NULL
  WHERE episode_id IN (SELECT episode_id FROM changed UNION SELECT episode_id FROM changed_before);
  RETURN NULL;
END;
$$;
CREATE FUNCTION episode_evaluation_stale_episode() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE episode_evaluation SET version = version + 1, as_of = NULL
  WHERE episode_id IN (SELECT id FROM changed);
  RETURN NULL;
END;
$$;
-- A unit's settings: every episode of the unit.
CREATE FUNCTION episode_evaluation_stale_unit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE episode_evaluation SET version = version + 1, as_of = NULL
  WHERE unit_id IN (SELECT unit_id FROM changed);
  RETURN NULL;
END;
$$;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['contact', 'episode_status_change', 'flag_handling', 'review_request'] LOOP
    EXECUTE format('CREATE TRIGGER %1$s_stale_on_insert AFTER INSERT ON %1$I REFERENCING NEW TABLE AS changed '
                   'FOR EACH STATEMENT EXECUTE FUNCTION episode_evaluation_stale()', t);
    EXECUTE format('CREATE TRIGGER %1$s_stale_on_update AFTER UPDATE ON %1$I '
                   'REFERENCING NEW TABLE AS changed OLD TABLE AS changed_before '
                   'FOR EACH STATEMENT EXECUTE FUNCTION episode_evaluation_stale_both()', t);
    EXECUTE format('CREATE TRIGGER %1$s_stale_on_delete AFTER DELETE ON %1$I REFERENCING OLD TABLE AS changed '
                   'FOR EACH STATEMENT EXECUTE FUNCTION episode_evaluation_stale()', t);
  END LOOP;
END;
$$;
CREATE TRIGGER episode_stale_on_update AFTER UPDATE ON episode
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION episode_evaluation_stale_episode();
CREATE TRIGGER unit_settings_stale_on_insert AFTER INSERT ON unit_settings
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION episode_evaluation_stale_unit();
CREATE TRIGGER unit_settings_stale_on_update AFTER UPDATE ON unit_settings
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION episode_evaluation_stale_unit();
CREATE TRIGGER unit_settings_stale_on_delete AFTER DELETE ON unit_settings
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION episode_evaluation_stale_unit();

-- The episodes there are: stale until first read or the next refresh.
INSERT INTO episode_evaluation (episode_id, unit_id)
SELECT e.id, p.unit_id FROM episode e JOIN patient p ON p.id = e.patient_id;
