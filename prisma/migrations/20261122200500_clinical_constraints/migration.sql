-- Hand-written: rules of domain.md that Prisma's schema cannot express. Each
-- is also checked by the use cases with a clear message; these make sure no
-- path (a bug, a script, a race) stores data that breaks them.

-- At most one open (ACTIVE or RELAPSE_PREVENTION) episode per patient.
CREATE UNIQUE INDEX episode_one_open_per_patient ON "episode" (patient_id)
  WHERE status IN ('ACTIVE', 'RELAPSE_PREVENTION');

-- The review list's pre-filter reads open episodes by start date.
CREATE INDEX episode_open_by_start ON "episode" (start_date)
  WHERE closed_date IS NULL;

-- At most one unanswered review request per episode.
CREATE UNIQUE INDEX review_request_one_unanswered ON "review_request" (episode_id)
  WHERE answered_at IS NULL;

ALTER TABLE "episode"
  ADD CONSTRAINT episode_version_positive CHECK (version >= 1),
  ADD CONSTRAINT episode_sick_leave_percent CHECK (sick_leave_at_start IN (0, 25, 50, 75, 100)),
  ADD CONSTRAINT episode_closed_date_matches_status CHECK (
    (status IN ('COMPLETED', 'DEACTIVATED')) = (closed_date IS NOT NULL)),
  ADD CONSTRAINT episode_closed_after_start CHECK (closed_date >= start_date);

ALTER TABLE "patient"
  ADD CONSTRAINT patient_personnummer_12_digits CHECK (personnummer ~ '^[0-9]{12}$');

-- MADRS-S: nine items 0–6 or none; the total is their sum; a score only on a
-- reached contact with the patient.
ALTER TABLE "contact"
  ADD CONSTRAINT contact_madrs_items_range CHECK (
    item1 BETWEEN 0 AND 6 AND item2 BETWEEN 0 AND 6 AND item3 BETWEEN 0 AND 6 AND
    item4 BETWEEN 0 AND 6 AND item5 BETWEEN 0 AND 6 AND item6 BETWEEN 0 AND 6 AND
    item7 BETWEEN 0 AND 6 AND item8 BETWEEN 0 AND 6 AND item9 BETWEEN 0 AND 6),
  ADD CONSTRAINT contact_madrs_complete CHECK (
    (num_nulls(item1, item2, item3, item4, item5, item6, item7, item8, item9) = 9 AND madrs_total IS NULL)
    OR
    (num_nonnulls(item1, item2, item3, item4, item5, item6, item7, item8, item9) = 9 AND madrs_total IS NOT NULL AND
     madrs_total = item1 + item2 + item3 + item4 + item5 + item6 + item7 + item8 + item9)),
  ADD CONSTRAINT contact_madrs_only_reached_patient CHECK (
    madrs_total IS NULL OR (reached AND counterpart = 'PATIENT')),
  ADD CONSTRAINT contact_sick_leave_percent CHECK (sick_leave IN (0, 25, 50, 75, 100)),
  ADD CONSTRAINT contact_duration_nonnegative CHECK (duration_minutes >= 0),
  ADD CONSTRAINT contact_time_format CHECK (time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$');

ALTER TABLE "review_request"
  ADD CONSTRAINT review_request_answer_complete CHECK (
    (answered_at IS NULL) = (answer IS NULL) AND (answered_at IS NULL) = (answered_by_id IS NULL));
