-- A row's unit was a copy of its patient's, and nothing kept it when a
-- patient moved: the unit is read from patient where it is needed, and a
-- move marks the patient's episodes stale (their unit's rules changed).
DROP INDEX "episode_evaluation_unit_id_idx";

CREATE OR REPLACE FUNCTION episode_evaluation_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO episode_evaluation (episode_id) SELECT id FROM added;
  RETURN NULL;
END;
$$;

-- A unit's settings: its patients' open episodes (a closed one is never read
-- from the table; a reopening is an update of the episode, which marks it).
CREATE OR REPLACE FUNCTION episode_evaluation_stale_unit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE episode_evaluation SET version = version + 1, as_of = NULL
  WHERE episode_id IN (
    SELECT e.id FROM episode e JOIN patient p ON p.id = e.patient_id
    WHERE p.unit_id IN (SELECT unit_id FROM changed) AND e.closed_date IS NULL);
  RETURN NULL;
END;
$$;

CREATE FUNCTION episode_evaluation_stale_patient() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE episode_evaluation SET version = version + 1, as_of = NULL
  WHERE episode_id IN (SELECT e.id FROM episode e WHERE e.patient_id IN (SELECT id FROM changed));
  RETURN NULL;
END;
$$;
CREATE TRIGGER patient_stale_on_update AFTER UPDATE ON patient
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION episode_evaluation_stale_patient();

ALTER TABLE "episode_evaluation" DROP COLUMN "unit_id";
